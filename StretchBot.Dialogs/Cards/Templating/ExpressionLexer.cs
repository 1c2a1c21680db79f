using System.Globalization;
using System.Text;

namespace StretchBot.Dialogs.Cards.Templating;

/// <summary>Splits the text inside <c>${...}</c> into tokens; anything outside the supported subset is an error.</summary>
internal static class ExpressionLexer
{
    private static readonly string[] Symbols = ["==", "!=", "<=", ">=", "&&", "||", "+", "<", ">", "!", "(", ")", "[", "]", ".", ","];

    public static List<Token> Tokenize(string templateName, string expression)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < expression.Length && char.IsAsciiDigit(expression[i]))
                {
                    i++;
                }

                if (i + 1 < expression.Length && expression[i] == '.' && char.IsAsciiDigit(expression[i + 1]))
                {
                    i++;
                    while (i < expression.Length && char.IsAsciiDigit(expression[i]))
                    {
                        i++;
                    }
                }

                var text = expression[start..i];
                tokens.Add(new Token(TokenKind.Number, text, double.Parse(text, CultureInfo.InvariantCulture), start));
            }
            else if (c is '\'' or '"')
            {
                var start = i;
                var value = ReadString(templateName, expression, ref i);
                tokens.Add(new Token(TokenKind.String, expression[start..i], value, start));
            }
            else if (char.IsAsciiLetter(c) || c is '_' or '$' or '@' or '#')
            {
                var start = i;
                i++;
                while (i < expression.Length && (char.IsAsciiLetterOrDigit(expression[i]) || expression[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Identifier, expression[start..i], null, start));
            }
            else
            {
                var symbol = Symbols.FirstOrDefault(s => string.CompareOrdinal(expression, i, s, 0, s.Length) == 0);
                if (symbol is null)
                {
                    throw new CardTemplateException(templateName, expression,
                        $"'{c}' at position {i} is not supported (supported: == != < > <= >= && || ! + ( ) [ ] . , literals, paths and count/length/empty/not/concat).");
                }

                tokens.Add(new Token(TokenKind.Symbol, symbol, null, i));
                i += symbol.Length;
            }
        }

        tokens.Add(new Token(TokenKind.End, string.Empty, null, expression.Length));
        return tokens;
    }

    private static string ReadString(string templateName, string expression, ref int i)
    {
        var quote = expression[i];
        var builder = new StringBuilder();
        i++;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (c == quote)
            {
                i++;
                return builder.ToString();
            }

            if (c == '\\' && i + 1 < expression.Length)
            {
                var next = expression[i + 1];
                builder.Append(next switch
                {
                    '\\' => "\\",
                    'n' => "\n",
                    'r' => "\r",
                    't' => "\t",
                    '\'' or '"' => next.ToString(),
                    _ => "\\" + next,
                });
                i += 2;
                continue;
            }

            builder.Append(c);
            i++;
        }

        throw new CardTemplateException(templateName, expression, "a string literal is not closed.");
    }
}
