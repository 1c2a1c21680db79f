namespace StretchBot.Dialogs.Cards.Templating;

/// <summary>The static return types Adaptive Expressions uses to reject ill-typed expressions at parse time.</summary>
[Flags]
internal enum ExpressionReturnType
{
    Boolean = 1,
    Number = 2,
    Object = 4,
    String = 8,
    Array = 16,
}
