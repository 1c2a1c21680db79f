namespace StretchBot.Dialogs.CheckIns;

/// <summary>Which check-in the dialog is answering (the id travels with the card).</summary>
public sealed class CheckInDialogOptions
{
    public string? CheckInId { get; set; }
}
