namespace StretchBot.Dialogs.Cards.Templating;

internal enum TokenKind
{
    Number,
    String,
    Identifier,
    Symbol,
    End,
}
