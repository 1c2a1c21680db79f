namespace StretchBot.Dialogs.Engine;

/// <summary>Where the dialog stack stands after a turn.</summary>
public enum DialogTurnStatus
{
    /// <summary>Nothing was on the stack.</summary>
    Empty,

    /// <summary>A dialog is waiting for the user's next message.</summary>
    Waiting,

    /// <summary>The last dialog on the stack ended.</summary>
    Complete,

    /// <summary>The stack was cancelled.</summary>
    Cancelled,
}

/// <summary>The outcome of running the dialog stack for one turn.</summary>
public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null);
