namespace StretchBot.Dialogs.Cards.Templating;

/// <summary>
/// The outcome of evaluating an expression, as the Adaptive Expressions library reports it: a value, or an error
/// message. Errors are data, not exceptions, because some operators swallow them (&amp;&amp;, ||, !, comparisons).
/// Values are JavaScript-like: <see cref="JsUndefined"/>, null, bool, double, string, JsonArray or JsonObject.
/// </summary>
internal readonly record struct EvalResult(object? Value, string? Error)
{
    public static EvalResult Ok(object? value) => new(value, null);

    /// <summary>A failure; <paramref name="value"/> is what the failing evaluator still reports (undefined, or false for a comparison).</summary>
    public static EvalResult Fail(string error, object? value = null) => new(value ?? JsUndefined.Value, error);

    public bool Failed => Error is not null;
}
