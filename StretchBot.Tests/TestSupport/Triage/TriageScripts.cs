using StretchBot.Dialogs.Plans;
using StretchBot.Dialogs.Triage;

namespace StretchBot.Tests.TestSupport;

/// <summary>Common stretches of conversation, clicked through as a person would.</summary>
internal static class TriageScripts
{
    /// <summary>Consent given, no red flags: the bot is asking for the pain score.</summary>
    public static async Task<Replies> ThroughSafetyQuestionsAsync(IConversationDriver bot)
    {
        await bot.SendAsync("hi");
        await bot.ClickAsync("Yes, I've checked");
        await bot.ClickAsync("None of these");
        return await bot.ClickAsync("None of these");
    }

    public sealed record Symptoms(
        int Pain = 4,
        string Duration = "6 to 12 weeks",
        string Location = "Lower back only",
        string WorseWith = "Bending forward or sitting",
        string EasedBy = "Neither, or not sure",
        string Diagnoses = "NoneOrDontKnow",
        string Floor = "Yes, I can",
        string Sits = "Yes",
        string Runs = "No",
        string Age = "20 to 50");

    /// <summary>Answers whatever symptom questions are left with a typical answer each, by button; returns the plan turn's replies.</summary>
    public static async Task<Replies> AnswerTheRestAsync(IConversationDriver bot)
    {
        (string Question, string Button, object? Inputs)[] typical =
        [
            (Dialogs.Triage.TriageQuestions.Pain, "4", null), (Dialogs.Triage.TriageQuestions.Duration, "6 to 12 weeks", null),
            (Dialogs.Triage.TriageQuestions.Location, "Lower back only", null), (Dialogs.Triage.TriageQuestions.WorseWith, "Bending forward or sitting", null),
            (Dialogs.Triage.TriageQuestions.EasedBy, "Neither, or not sure", null), (Dialogs.Triage.TriageQuestions.Diagnoses, "Done", new { choices = "NoneOrDontKnow" }),
            (Dialogs.Triage.TriageQuestions.Floor, "Yes, I can", null), (Dialogs.Triage.TriageQuestions.Sitting, "Yes", null),
            (Dialogs.Triage.TriageQuestions.Running, "No", null), (Dialogs.Triage.TriageQuestions.Age, "20 to 50", null),
        ];
        var replies = bot.Last;
        while (replies.StretchCards.Count == 0)
        {
            var (_, button, inputs) = typical.Last(q => replies.Mentions(q.Question));
            replies = await bot.ClickAsync(button, inputs);
        }

        return replies;
    }

    /// <summary>Answers every triage question by button; returns the plan turn's replies.</summary>
    public static async Task<Replies> AnswerTriageAsync(IConversationDriver bot, Symptoms symptoms)
    {
        var pain = symptoms.Pain.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await bot.ClickAsync(PainScale.Choices().Single(c => c.Value == pain).Title);
        await bot.ClickAsync(symptoms.Duration);
        await bot.ClickAsync(symptoms.Location);
        await bot.ClickAsync(symptoms.WorseWith);
        if (symptoms.WorseWith != "Both of those")
        {
            await bot.ClickAsync(symptoms.EasedBy);
        }

        await bot.ClickAsync("Done", new { choices = symptoms.Diagnoses });
        await bot.ClickAsync(symptoms.Floor);
        await bot.ClickAsync(symptoms.Sits);
        await bot.ClickAsync(symptoms.Runs);
        return await bot.ClickAsync(symptoms.Age);
    }
}
