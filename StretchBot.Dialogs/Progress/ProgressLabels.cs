using StretchBot.Domain.Swaps;

namespace StretchBot.Dialogs.Progress;

/// <summary>Short words for a table cell: how a stretch went one week.</summary>
public static class ProgressLabels
{
    /// <summary>Shown where a stretch was not in the plan that week.</summary>
    public const string NotInPlan = "–";

    public static string Short(Feedback? feedback) => feedback switch
    {
        Feedback.Better => "Better",
        Feedback.Same => "Same",
        Feedback.Worse => "Worse",
        Feedback.DidNotTry => "Didn't try",
        _ => NotInPlan,
    };
}
