namespace StretchBot.Dialogs.Engine.Prompts;

/// <summary>The option a user picked, by button or by typing.</summary>
public sealed record FoundChoice(string Value, int Index);
