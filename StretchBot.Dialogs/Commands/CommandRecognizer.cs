using Microsoft.Bot.Schema;
using StretchBot.Dialogs.Engine.Prompts;
using StretchBot.Dialogs.Understanding.Readers;

namespace StretchBot.Dialogs.Commands;

/// <summary>
/// Recognises a global command: a card's <c>{ "command": "help" }</c>, or typed words that are the whole message
/// (<see cref="CommandReader"/>: "help", "can we start again?", "stop reminding me"). A command in everyday words
/// is not <see cref="CommandReading.Exact"/>: it gives way to a real answer to the open question.
/// </summary>
public static class CommandRecognizer
{
    private static readonly Dictionary<string, BotCommand> CardValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["help"] = BotCommand.Help,
        ["startOver"] = BotCommand.StartOver,
        ["myPlan"] = BotCommand.MyPlan,
        ["stopCheckIns"] = BotCommand.StopCheckIns,
        ["deleteMyData"] = BotCommand.DeleteMyData,
        ["back"] = BotCommand.ChangeAnswer,
        ["myProgress"] = BotCommand.MyProgress,
        ["shareWithPhysio"] = BotCommand.ShareWithPhysio,
        ["stopSharing"] = BotCommand.StopSharing,
    };

    /// <summary>The value a card button sends for a command.</summary>
    public static string CardValue(BotCommand command) => CardValues.First(kv => kv.Value == command).Key;

    /// <summary>True when the message asks to go back one question ("go back", "change my answer", the Back button).</summary>
    public static bool IsChangeAnswer(IActivity activity) => Recognize(activity)?.Command == BotCommand.ChangeAnswer;

    public static CommandReading? Recognize(IActivity activity)
    {
        var submitted = CardSubmit.GetString(CardSubmit.GetValues(activity), CardSubmit.CommandKey);
        if (submitted is not null)
        {
            return CardValues.TryGetValue(submitted, out var fromCard) ? new CommandReading(fromCard, Exact: true) : null;
        }

        return CommandReader.Read((activity as IMessageActivity)?.Text);
    }
}
