namespace StretchBot.Dialogs.Engine.Recognition;

/// <summary>How often a recognised time without a fixed date comes round ("6pm" daily, "Friday" weekly, "25 December" yearly).</summary>
internal enum RepeatPeriod
{
    Daily,
    Weekly,
    Yearly,
}
