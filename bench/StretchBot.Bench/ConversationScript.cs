using System.Text.Json.Nodes;

namespace StretchBot.Bench;

/// <summary>One step of a scripted conversation: press a button (with any inputs) or type.</summary>
public sealed record ScriptStep(string? Button, string? Typed = null, JsonObject? Inputs = null, bool ButtonPrefix = false)
{
    public static ScriptStep Click(string button, JsonObject? inputs = null) => new(button, null, inputs);

    public static ScriptStep ClickStartingWith(string prefix) => new(prefix, null, null, ButtonPrefix: true);

    public static ScriptStep Type(string text) => new(null, text);
}

/// <summary>The conversations the bench walks: welcome, consent, red flags, triage, plan (and optionally booking).</summary>
public static class ConversationScript
{
    /// <summary>The typed answer that needs the recognizers (a number read from words).</summary>
    public const string TypedPain = "about 4/10";

    /// <summary>Index in <see cref="ToPlan"/> of the typed answer.</summary>
    public const int TypedStepIndex = 4;

    /// <summary>From the welcome card to the plan: every answer a card button except the pain score, which is typed.</summary>
    public static IReadOnlyList<ScriptStep> ToPlan { get; } =
    [
        ScriptStep.Click("Let's begin"),
        ScriptStep.Click("Yes, I've checked"),
        ScriptStep.Click("None of these"),
        ScriptStep.Click("None of these"),
        ScriptStep.Type(TypedPain),
        ScriptStep.Click("6 to 12 weeks"),
        ScriptStep.Click("Lower back only"),
        ScriptStep.Click("Bending forward or sitting"),
        ScriptStep.Click("Neither, or not sure"),
        ScriptStep.Click("Done", new JsonObject { ["choices"] = "NoneOrDontKnow" }),
        ScriptStep.Click("Yes, I can"),
        ScriptStep.Click("Yes"),
        ScriptStep.Click("No"),
        ScriptStep.Click("20 to 50"),
    ];

    /// <summary>Books the weekly check-in from the plan's card.</summary>
    public static ScriptStep BookCheckIn { get; } = ScriptStep.ClickStartingWith("Same time next week");

    /// <summary>Turns in one conversation to the plan: the start plus every step.</summary>
    public static int TurnsToPlan => 1 + ToPlan.Count;
}
