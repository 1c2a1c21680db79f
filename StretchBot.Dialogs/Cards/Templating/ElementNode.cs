namespace StretchBot.Dialogs.Cards.Templating;

/// <summary><c>instance[index]</c>: an array index or a property name; out of range is an error.</summary>
internal sealed class ElementNode(ExpressionNode instance, ExpressionNode index) : ExpressionNode
{
    public ExpressionNode Instance { get; } = instance;

    public ExpressionNode Index { get; } = index;

    public override ExpressionReturnType ReturnType => ExpressionReturnType.Object;

    public override EvalResult Evaluate(EvaluationScope scope, bool substitute)
    {
        var instance = Instance.Evaluate(scope, substitute);
        if (instance.Failed)
        {
            return instance;
        }

        var index = Index.Evaluate(scope, substitute: false);
        if (index.Failed)
        {
            return index;
        }

        if (index.Value is double d && d == Math.Floor(d) && !double.IsInfinity(d))
        {
            var (value, error) = TemplateMemory.AccessIndex(instance.Value, (long)d);
            return new EvalResult(value, error);
        }

        if (index.Value is string property)
        {
            return EvalResult.Ok(TemplateMemory.AccessProperty(instance.Value, property));
        }

        return EvalResult.Fail($"Could not coerce {Index} to an int or string.");
    }

    public override string ToString() => $"{Instance}[{Index}]";
}
