namespace StretchBot.Dialogs.Commands;

/// <summary>The commands that work at any point of the conversation.</summary>
public enum BotCommand
{
    Help,
    StartOver,
    MyPlan,
    StopCheckIns,
    DeleteMyData,

    /// <summary>"change my answer" / "back": go back one symptom question (handled by the dialogs, not an interruption).</summary>
    ChangeAnswer,
}
