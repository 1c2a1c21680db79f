using StretchBot.Dialogs.Engine.Recognition;

namespace StretchBot.Dialogs.Engine.Prompts;

internal static class ChoiceExtensions
{
    public static ChoiceOption ToOption(this Choice choice) => new(choice.Value, choice.Title, choice.Synonyms);
}
