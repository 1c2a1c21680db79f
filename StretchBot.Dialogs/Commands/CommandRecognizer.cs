using System.Text;
using Microsoft.Bot.Schema;
using StretchBot.Dialogs.Engine.Prompts;

namespace StretchBot.Dialogs.Commands;

/// <summary>
/// Recognises a global command: the whole message must be the command (or a close phrasing of it), so an
/// answer that merely mentions "help" or "plan" is never hijacked. Cards send <c>{ "command": "help" }</c>.
/// </summary>
public static class CommandRecognizer
{
    private static readonly Dictionary<string, BotCommand> Phrases = new(StringComparer.Ordinal)
    {
        ["help"] = BotCommand.Help,
        ["menu"] = BotCommand.Help,
        ["commands"] = BotCommand.Help,
        ["what can you do"] = BotCommand.Help,
        ["start over"] = BotCommand.StartOver,
        ["restart"] = BotCommand.StartOver,
        ["start again"] = BotCommand.StartOver,
        ["begin again"] = BotCommand.StartOver,
        ["reset"] = BotCommand.StartOver,
        ["my plan"] = BotCommand.MyPlan,
        ["show my plan"] = BotCommand.MyPlan,
        ["show plan"] = BotCommand.MyPlan,
        ["my stretches"] = BotCommand.MyPlan,
        ["stop check ins"] = BotCommand.StopCheckIns,
        ["stop checkins"] = BotCommand.StopCheckIns,
        ["stop checking in"] = BotCommand.StopCheckIns,
        ["no more check ins"] = BotCommand.StopCheckIns,
        ["delete my data"] = BotCommand.DeleteMyData,
        ["delete my information"] = BotCommand.DeleteMyData,
        ["erase my data"] = BotCommand.DeleteMyData,
        ["forget me"] = BotCommand.DeleteMyData,
        ["back"] = BotCommand.ChangeAnswer,
        ["go back"] = BotCommand.ChangeAnswer,
        ["change my answer"] = BotCommand.ChangeAnswer,
        ["change my answers"] = BotCommand.ChangeAnswer,
        ["change my last answer"] = BotCommand.ChangeAnswer,
        ["previous question"] = BotCommand.ChangeAnswer,
        ["undo"] = BotCommand.ChangeAnswer,
    };

    private static readonly Dictionary<string, BotCommand> CardValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["help"] = BotCommand.Help,
        ["startOver"] = BotCommand.StartOver,
        ["myPlan"] = BotCommand.MyPlan,
        ["stopCheckIns"] = BotCommand.StopCheckIns,
        ["deleteMyData"] = BotCommand.DeleteMyData,
        ["back"] = BotCommand.ChangeAnswer,
    };

    /// <summary>The value a card button sends for a command.</summary>
    public static string CardValue(BotCommand command) => CardValues.First(kv => kv.Value == command).Key;

    public static BotCommand? Recognize(IActivity activity)
    {
        var submitted = CardSubmit.GetString(CardSubmit.GetValues(activity), CardSubmit.CommandKey);
        if (submitted is not null)
        {
            return CardValues.TryGetValue(submitted, out var fromCard) ? fromCard : null;
        }

        var text = (activity as IMessageActivity)?.Text;
        return text is not null && text.Length <= 40 && Phrases.TryGetValue(Normalize(text), out var command) ? command : null;
    }

    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var lastWasSpace = true;
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c == '\'')
            {
                builder.Append(c);
                lastWasSpace = false;
            }
            else if (!lastWasSpace)
            {
                builder.Append(' ');
                lastWasSpace = true;
            }
        }

        var normalized = builder.ToString().TrimEnd();
        if (normalized.StartsWith("please ", StringComparison.Ordinal))
        {
            normalized = normalized["please ".Length..];
        }

        return normalized.EndsWith(" please", StringComparison.Ordinal) ? normalized[..^" please".Length] : normalized;
    }
}
