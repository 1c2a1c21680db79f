namespace StretchBot.Dialogs.Commands;

/// <summary>The commands that work at any point of the conversation.</summary>
public enum BotCommand
{
    Help,
    StartOver,
    MyPlan,
    StopCheckIns,
    DeleteMyData,
}
