namespace StretchBot.Dialogs.Cards.Templating;

/// <summary><c>!x</c> or <c>not(x)</c>: true for false, null, undefined or a failed operand.</summary>
internal sealed class NotNode(ExpressionNode operand) : ExpressionNode
{
    public ExpressionNode Operand { get; } = operand;

    public override ExpressionReturnType ReturnType => ExpressionReturnType.Boolean;

    public override EvalResult Evaluate(EvaluationScope scope, bool substitute)
    {
        var result = Operand.Evaluate(scope, substitute: false);
        return EvalResult.Ok(result.Failed || !JsValues.IsLogicTrue(result.Value));
    }

    public override string ToString() => $"!({Operand})";
}
