namespace StretchBot.Dialogs.Engine;

/// <summary>The dialog stack, kept in conversation state under one property. Top of the stack is index 0.</summary>
public sealed class DialogState
{
    public List<DialogInstance> DialogStack { get; set; } = new();
}
