namespace StretchBot.Dialogs.Commands;

/// <summary>The commands that work at any point of the conversation.</summary>
public enum BotCommand
{
    Help,
    StartOver,
    MyPlan,
    StopCheckIns,
    DeleteMyData,

    /// <summary>"my progress": the pain trend picture and how each stretch went.</summary>
    MyProgress,

    /// <summary>"share with my physio": a link to a printable summary.</summary>
    ShareWithPhysio,

    /// <summary>"stop sharing": ends every summary link.</summary>
    StopSharing,

    /// <summary>"change my answer" / "back": go back one symptom question (handled by the dialogs, not an interruption).</summary>
    ChangeAnswer,
}
