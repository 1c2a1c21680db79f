using System.Collections.Frozen;
using StretchBot.Dialogs.Commands;
using StretchBot.Dialogs.Understanding.Text;

namespace StretchBot.Dialogs.Understanding.Readers;

/// <summary>A command read from typed words; <see cref="Exact"/> when they are the command's own name.</summary>
public readonly record struct CommandReading(BotCommand Command, bool Exact);

/// <summary>
/// Global commands in the user's own words: "help", "I need help", "can we start again?", "what's my plan?",
/// "stop reminding me", "forget everything about me". The whole message must be the command (politeness aside:
/// "please", "can you", "I'd like to"), so an answer that merely mentions help or a plan is never taken for one.
/// A command in other words than its name (<see cref="CommandReading.Exact"/> false) gives way to a real answer to
/// the open question (the caller checks).
/// </summary>
public static class CommandReader
{
    private static readonly (BotCommand Command, string[] Exact, string[] Natural)[] Phrases =
    [
        (BotCommand.Help, ["help", "menu", "commands", "what can you do"],
            ["i need help", "help me", "help please", "can you help", "can you help me", "how does this work", "how does it work",
             "what do i do", "what do i do now", "what is this", "what are you", "options", "info", "instructions", "what can i do",
             "what can i say", "what can i type", "what are my options", "show me the options", "show commands", "im stuck", "i am stuck",
             "im confused", "i am confused", "lost", "im lost", "confused", "how do i use this", "what now", "huh", "?",
             "hilfe", "ayuda", "aide", "aiuto", "ajuda", "pomoc", "sos", "can you help with", "help with"]),
        (BotCommand.StartOver, ["start over", "restart", "start again", "begin again", "reset"],
            ["can we start again", "can i start again", "can we start over", "can i start over", "lets start again", "lets start over",
             "start from the beginning", "go back to the start", "back to the start", "redo", "do it again", "start afresh",
             "from the top", "new plan", "begin again please", "start over again", "i want to start again", "restart please",
             "i want a new plan", "make a new plan", "do the questions again", "answer the questions again", "start again from scratch",
             "start from scratch", "scrap that", "can i redo it", "redo the questions", "reset everything",
             "go back to the beginning", "back to the beginning", "can we start again from the beginning",
             "start again from the beginning", "start over from the beginning", "start at the beginning", "go back to the start",
             "can i go back to the beginning", "take me back to the start", "i want to start over",
             "wipe my answers", "clear my answers", "reset my answers", "redo my answers", "start my answers again"]),
        (BotCommand.MyPlan, ["my plan", "show my plan", "show plan", "my stretches"],
            ["whats my plan", "what is my plan", "what are my stretches", "show me my stretches", "show me my plan", "remind me of my stretches",
             "what stretches do i do", "what stretches should i do", "view plan", "see my plan", "view my plan", "plan", "my exercises",
             "show my stretches", "see my stretches", "show the plan", "the plan", "what was my plan", "remind me of my plan",
             "which stretches", "what were my stretches", "show me the stretches again", "my plan please", "can i see my plan",
             "what were my exercises", "what are my exercises", "my exercises again", "what were my exercises again",
             "show me my exercises", "what stretches", "what was i meant to do", "what am i supposed to do",
             "what stretches did you give me", "what did you give me", "what stretches did you give me last time",
             "which stretches did you give me", "what were the stretches",
             "remind me what the stretches were", "remind me what my stretches were", "remind me what the stretches are",
             "remind me what my stretches are", "remind me what the exercises were", "remind me what i was doing",
             "what were the stretches again", "what were my stretches again", "remind me of the stretches"]),
        (BotCommand.StopCheckIns, ["stop check ins", "stop checkins", "stop checking in", "no more check ins"],
            ["stop reminding me", "stop reminders", "stop the reminders", "no more reminders", "cancel check ins", "cancel checkins",
             "cancel reminders", "cancel the reminders", "cancel my check in", "cancel the check in", "unsubscribe", "stop messaging me",
             "stop messages", "stop sending me messages", "dont message me", "dont check in", "dont check in on me", "opt out",
             "turn off reminders", "turn off check ins", "no more messages", "stop contacting me", "i dont want check ins",
             "i dont want reminders", "no check ins", "no reminders", "stop the check ins", "please stop checking in",
             "dont check in with me", "no more checking in", "stop following up", "no follow ups", "stop checking in on me",
             "stop checking on me", "no more messages please",
             "pause reminders", "pause the reminders", "pause check ins", "pause reminders for now", "pause the check ins",
             "stop you messaging me", "stop the messages",
             // wanting to be left be: the check-ins are what would bother them next (a bare "stop" is left out: stop what?)
             "leave me alone", "go away", "stop bothering me", "stop pestering me", "stop texting me"]),
        (BotCommand.DeleteMyData, ["delete my data", "delete my information", "erase my data", "forget me"],
            ["forget everything about me", "forget everything", "delete everything", "delete all my data", "remove my data",
             "wipe my data", "delete my account", "delete my details", "erase everything", "remove everything you know about me",
             "delete everything about me", "delete me", "erase me", "wipe everything", "gdpr", "right to be forgotten",
             "delete all my information", "delete my info", "delete my stuff", "clear my data", "remove all my data",
             "i want my data deleted", "please delete my data", "delete all data", "forget all about me", "erase all my data",
             "remove all my info", "remove my info", "delete my info please", "my information erased", "erase my information",
             "i want my information erased", "information erased", "delete", "remove me from your system",
             "wipe everything about me", "remove my details", "delete everything you know about me",
             "delete what you know about me", "forget what i told you", "delete all of it",
             "erase everything you have about me", "delete everything you have about me", "erase everything you have on me",
             "delete everything you have on me", "wipe everything you have on me", "remove everything you have about me",
             "erase all my details", "erase my details",
             // the same in the other languages the help command knows
             "löschen sie meine daten", "löschen sie bitte meine daten", "meine daten löschen", "daten löschen",
             "borrar mis datos", "borra mis datos", "elimina mis datos", "eliminar mis datos", "supprimer mes données",
             "supprimez mes données", "effacer mes données", "effacez mes données"]),
        (BotCommand.MyProgress, ["my progress", "show my progress", "progress"],
            ["show me my progress", "how am i doing", "how am i getting on", "how have i been doing", "how is my progress",
             "whats my progress", "what is my progress", "see my progress", "view my progress", "my progress please",
             "progress report", "my pain history", "my history", "show my history", "show my pain", "my pain chart",
             "show my pain chart", "show me my pain chart", "pain chart", "pain graph", "my pain graph", "show me my pain", "show me my chart",
             "how has my pain changed", "has my pain improved", "is my pain getting better", "my results", "show my results",
             "my scores", "show my scores", "my pain scores", "how did my stretches go"]),
        (BotCommand.ShareWithPhysio, ["share with my physio", "share with my physiotherapist", "share my progress"],
            ["share with my doctor", "share with my gp", "share it with my physio", "send to my physio", "send it to my physio",
             "send my progress to my physio", "send this to my physio", "send my physio a summary", "summary for my physio",
             "a summary for my physio", "make a summary for my physio", "physio summary", "share my summary", "share a summary",
             "share my results", "share my plan", "share my plan with my physio", "share my progress with my physio",
             "share with my therapist", "share it", "share", "link for my physio", "make a link for my physio",
             "can i share this with my physio", "print my progress", "print a summary", "printable summary",
             "show my physio", "show my physio my progress", "send to my doctor", "share with physio"]),
        (BotCommand.StopSharing, ["stop sharing", "unshare"],
            ["stop sharing my progress", "stop sharing my summary", "stop sharing with my physio", "cancel sharing",
             "cancel the link", "cancel my link", "revoke the link", "revoke my link", "revoke access", "revoke sharing",
             "turn off sharing", "turn off the link", "disable the link", "delete the link", "delete my link",
             "remove the link", "remove my link", "end sharing", "no more sharing", "dont share", "dont share my progress",
             "stop the link", "kill the link", "make the link stop working"]),
        // "back" alone is left out: it is also an answer ("my back").
        (BotCommand.ChangeAnswer, ["go back", "change my answer", "change my answers"],
            ["change my last answer", "change the last answer", "previous question", "the previous question", "go back one",
             "go back one question", "go back a question", "back one question", "undo", "undo that", "i made a mistake",
             "wrong answer", "that was wrong", "i got that wrong", "change that", "change that answer"]),
    ];

    // Words around a command that do not change it: "please", "can you", "I'd like to", "hey bot".
    private static readonly FrozenSet<string> Politeness = FrozenSet.ToFrozenSet(
    [
        "please", "pls", "plz", "can", "could", "would", "you", "i", "id", "like", "to", "want", "wanna", "now", "just", "hey",
        "hi", "bot", "stretchbot", "ok", "okay", "thanks", "thank", "kindly", "lets", "let", "us", "me", "do", "go", "ahead",
        "then", "actually", "so", "um", "uh", "right", "oh", "sorry", "mate", "again", "quickly", "yes", "yeah",
    ]);

    private static readonly FrozenDictionary<string, CommandReading> ByPhrase = Build();

    /// <summary>The command the whole message asks for, or null.</summary>
    public static CommandReading? Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 80)
        {
            return null;
        }

        var words = Utterance.Parse(text).Words.Select(w => w.Form).ToList();
        if (ByPhrase.TryGetValue(string.Join(' ', words), out var whole))
        {
            return whole;
        }

        var trimmed = Trim(words);
        if (trimmed.Count > 0 && ByPhrase.TryGetValue(string.Join(' ', trimmed), out var polite))
        {
            return polite with { Exact = false };
        }

        return LastClause(text) ?? Leading(text) ?? BothHalves(words) ?? Anywhere(text);
    }

    // "i want to wipe my answers and start again": two ways of asking for the same command.
    private static CommandReading? BothHalves(List<string> words)
    {
        var and = words.IndexOf("and");
        if (and <= 0 || and == words.Count - 1)
        {
            return null;
        }

        var first = Trim(words.Take(and).ToList());
        var second = Trim(words.Skip(and + 1).ToList());
        return ByPhrase.TryGetValue(string.Join(' ', first), out var a) && ByPhrase.TryGetValue(string.Join(' ', second), out var b) && a.Command == b.Command
            ? a with { Exact = false }
            : null;
    }

    // "I want my information removed under GDPR", "how do I stop you messaging me": words that only ever mean one command.
    private static CommandReading? Anywhere(string text)
    {
        var normalized = $" {Utterance.Parse(text).Normalized} ";
        if (normalized.Contains(" gdpr ", StringComparison.Ordinal) || normalized.Contains(" right to be forgotten ", StringComparison.Ordinal))
        {
            return new CommandReading(BotCommand.DeleteMyData, false);
        }

        return normalized.Contains(" how do i stop ", StringComparison.Ordinal) && (normalized.Contains(" messag", StringComparison.Ordinal) || normalized.Contains(" check in", StringComparison.Ordinal) || normalized.Contains(" remind", StringComparison.Ordinal))
            ? new CommandReading(BotCommand.StopCheckIns, false)
            : null;
    }

    // "restart pls i messed up", "can I start again, I pressed the wrong button": a command first, then why.
    private static CommandReading? Leading(string text)
    {
        var words = Utterance.Parse(text).Words.Select(w => w.Form).ToList();
        for (var length = Math.Min(words.Count - 1, 8); length >= 1; length--)
        {
            var head = Trim(words.Take(length).ToList());
            var next = words[length];
            if (head.Count > 0 && ByPhrase.TryGetValue(string.Join(' ', head), out var found) && found.Command != BotCommand.Help && ThenWhy.Contains(next))
            {
                return found with { Exact = false };
            }
        }

        return null;
    }

    // "I made a mistake, can I go back to the beginning": a command in a clause of its own at the end.
    private static CommandReading? LastClause(string text)
    {
        var utterance = Utterance.Parse(text);
        var lastStart = Enumerable.Range(1, Math.Max(0, utterance.Count - 1)).LastOrDefault(i => utterance[i].Before != Boundary.None);
        if (lastStart == 0)
        {
            return null;
        }

        var last = Trim(utterance.Words.Skip(lastStart).Select(w => w.Form).ToList());
        return last.Count > 0 && ByPhrase.TryGetValue(string.Join(' ', last), out var found) ? found with { Exact = false } : null;
    }

    // What may follow a command at the start of a message: the reason for it ("restart pls i messed up"),
    // not more of a sentence ("stop asking me about my bladder").
    private static readonly FrozenSet<string> ThenWhy = FrozenSet.ToFrozenSet(
    [
        "i", "im", "ive", "id", "because", "cos", "coz", "cause", "as", "sorry", "pls", "please", "thanks", "lol", "my",
        "oops", "whoops", "i pressed", "wrong", "mistake", "messed", "made",
    ]);

    // Politeness words off both ends: "could you please show my plan" is "show my plan".
    private static List<string> Trim(List<string> words)
    {
        var start = 0;
        var end = words.Count;
        while (start < end && Politeness.Contains(words[start]) && !ByPhrase.ContainsKey(string.Join(' ', words.Skip(start).Take(end - start))))
        {
            start++;
        }

        while (end > start && Politeness.Contains(words[end - 1]) && !ByPhrase.ContainsKey(string.Join(' ', words.Skip(start).Take(end - start))))
        {
            end--;
        }

        return words.GetRange(start, end - start);
    }

    private static FrozenDictionary<string, CommandReading> Build()
    {
        var phrases = new Dictionary<string, CommandReading>(StringComparer.Ordinal);
        foreach (var (command, exact, natural) in Phrases)
        {
            foreach (var phrase in exact)
            {
                phrases[Utterance.Parse(phrase).Normalized] = new CommandReading(command, true);
            }

            foreach (var phrase in natural)
            {
                phrases.TryAdd(Utterance.Parse(phrase).Normalized, new CommandReading(command, false));
            }
        }

        return phrases.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
