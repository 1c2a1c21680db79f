namespace StretchBot.Dialogs.Triage;

/// <summary>How <see cref="MainDialog"/> was begun.</summary>
public sealed class MainDialogOptions
{
    /// <summary>The user said "start over": skip the returning-user menu and ask the questions again.</summary>
    public bool StartingOver { get; set; }
}
