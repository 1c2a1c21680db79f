namespace StretchBot.Dialogs.Cards.Templating;

/// <summary>
/// Recursive-descent parser for the supported subset of Adaptive Expressions, with its precedence (tightest first):
/// postfix (<c>.name</c>, <c>[index]</c>), unary <c>!</c>, <c>+</c>, <c>== !=</c>, <c>&lt; &lt;= &gt; &gt;=</c>,
/// <c>&amp;&amp;</c>, <c>||</c>. (Equality binding tighter than ordering is Adaptive Expressions' grammar.)
/// </summary>
internal sealed class ExpressionParser
{
    private readonly string templateName;
    private readonly string expression;
    private readonly List<Token> tokens;
    private int position;

    private ExpressionParser(string templateName, string expression)
    {
        this.templateName = templateName;
        this.expression = expression;
        tokens = ExpressionLexer.Tokenize(templateName, expression);
    }

    public static ExpressionNode Parse(string templateName, string expression)
    {
        var parser = new ExpressionParser(templateName, expression);
        if (parser.Current.Kind == TokenKind.End)
        {
            throw parser.Error("the expression is empty.");
        }

        var node = parser.ParseOr();
        if (parser.Current.Kind != TokenKind.End)
        {
            throw parser.Error($"unexpected '{parser.Current.Text}' at position {parser.Current.Position}.");
        }

        return node;
    }

    private Token Current => tokens[position];

    private ExpressionNode ParseOr()
    {
        var left = ParseAnd();
        while (Accept("||"))
        {
            left = new LogicalNode(isAnd: false, left, ParseAnd());
        }

        return left;
    }

    private ExpressionNode ParseAnd()
    {
        var left = ParseRelational();
        while (Accept("&&"))
        {
            left = new LogicalNode(isAnd: true, left, ParseRelational());
        }

        return left;
    }

    private ExpressionNode ParseRelational()
    {
        var left = ParseEquality();
        while (Current.Kind == TokenKind.Symbol && Current.Text is "<" or ">" or "<=" or ">=")
        {
            var op = Next().Text;
            left = new ComparisonNode(op, left, ParseEquality());
        }

        return left;
    }

    private ExpressionNode ParseEquality()
    {
        var left = ParseAdditive();
        while (Current.Kind == TokenKind.Symbol && Current.Text is "==" or "!=")
        {
            var op = Next().Text;
            left = new ComparisonNode(op, left, ParseAdditive());
        }

        return left;
    }

    private ExpressionNode ParseAdditive()
    {
        var left = ParseUnary();
        while (Accept("+"))
        {
            var right = ParseUnary();
            foreach (var operand in new[] { left, right })
            {
                if ((operand.ReturnType & (ExpressionReturnType.Object | ExpressionReturnType.String | ExpressionReturnType.Number)) == 0)
                {
                    throw Error($"'{operand}' is not a number or a text, so it cannot be used with '+'.");
                }
            }

            left = new AddNode(left, right);
        }

        return left;
    }

    private ExpressionNode ParseUnary()
    {
        if (Accept("!"))
        {
            return new NotNode(ParseUnary());
        }

        return ParsePostfix();
    }

    private ExpressionNode ParsePostfix()
    {
        var node = ParsePrimary();
        while (true)
        {
            if (Accept("."))
            {
                var name = Next();
                if (name.Kind != TokenKind.Identifier)
                {
                    throw Error($"expected a property name after '.' at position {name.Position}.");
                }

                node = new AccessorNode(name.Text, node);
            }
            else if (Accept("["))
            {
                var index = ParseOr();
                Expect("]");
                node = new ElementNode(node, index);
            }
            else
            {
                return node;
            }
        }
    }

    private ExpressionNode ParsePrimary()
    {
        var token = Next();
        switch (token.Kind)
        {
            case TokenKind.Number:
            case TokenKind.String:
                return new ConstantNode(token.Value);
            case TokenKind.Identifier when Current.Is("("):
                return ParseCall(token);
            case TokenKind.Identifier:
                return token.Text switch
                {
                    "true" => new ConstantNode(true),
                    "false" => new ConstantNode(false),
                    "null" => new ConstantNode(null),
                    _ => new AccessorNode(token.Text, null),
                };
            case TokenKind.Symbol when token.Text == "(":
                var inner = ParseOr();
                Expect(")");
                return inner;
            case TokenKind.End:
                throw Error("the expression ends too early.");
            default:
                throw Error($"unexpected '{token.Text}' at position {token.Position}.");
        }
    }

    private ExpressionNode ParseCall(Token name)
    {
        Expect("(");
        var arguments = new List<ExpressionNode>();
        if (!Accept(")"))
        {
            do
            {
                arguments.Add(ParseOr());
            }
            while (Accept(","));
            Expect(")");
        }

        switch (name.Text)
        {
            case "not":
                if (arguments.Count != 1)
                {
                    throw Error($"not() takes exactly one argument, not {arguments.Count}.");
                }

                return new NotNode(arguments[0]);
            case FunctionCallNode.Count:
            case FunctionCallNode.Length:
            case FunctionCallNode.Empty:
            case FunctionCallNode.Concat:
                return new FunctionCallNode(templateName, expression, name.Text, arguments);
            default:
                throw Error($"unknown function '{name.Text}' (supported: count, length, empty, not, concat).");
        }
    }

    private Token Next() => tokens[position < tokens.Count - 1 ? position++ : position];

    private bool Accept(string symbol)
    {
        if (!Current.Is(symbol))
        {
            return false;
        }

        position++;
        return true;
    }

    private void Expect(string symbol)
    {
        if (!Accept(symbol))
        {
            throw Error($"expected '{symbol}' at position {Current.Position}.");
        }
    }

    private CardTemplateException Error(string problem) => new(templateName, expression, problem);
}
