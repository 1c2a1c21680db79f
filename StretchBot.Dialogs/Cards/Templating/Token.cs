namespace StretchBot.Dialogs.Cards.Templating;

/// <summary>One lexical token of an expression; <see cref="Value"/> is the decoded string or number literal.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, object? Value, int Position)
{
    public bool Is(string symbol) => Kind == TokenKind.Symbol && Text == symbol;
}
