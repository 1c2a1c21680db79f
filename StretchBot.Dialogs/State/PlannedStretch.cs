namespace StretchBot.Dialogs.State;

/// <summary>One stretch of a plan and the reason it was picked for this user.</summary>
public sealed class PlannedStretch
{
    public string StretchId { get; set; } = string.Empty;

    public string Reason { get; set; } = string.Empty;
}
