namespace StretchBot.Dialogs.Progress;

/// <summary>Settings of the progress features, bound from the configuration section "Progress".</summary>
public sealed class ProgressOptions
{
    public const string SectionName = "Progress";

    /// <summary>The longest a share link may be set to live.</summary>
    public static readonly TimeSpan LongestShareLinkLifetime = TimeSpan.FromDays(90);

    /// <summary>How long a link from "share with my physio" works (unless "stop sharing" or "delete my data" ends it first).</summary>
    public TimeSpan ShareLinkLifetime { get; set; } = TimeSpan.FromDays(7);
}
