namespace StretchBot.Dialogs.Engine;

/// <summary>What a waterfall step sees: the turn, the dialog's options and values, and the previous step's result.</summary>
public sealed class WaterfallStepContext : DialogContext
{
    private readonly WaterfallDialog _parent;
    private bool _nextCalled;

    internal WaterfallStepContext(WaterfallDialog parent, DialogContext dc, object? options, IDictionary<string, object?> values, int index, string stepName, DialogReason reason, object? result)
        : base(dc.Dialogs, dc.Context, dc.State, dc.Parent)
    {
        _parent = parent;
        Options = options;
        Values = values;
        Index = index;
        StepName = stepName;
        Reason = reason;
        Result = result;
    }

    /// <summary>The options the waterfall was begun with.</summary>
    public object? Options { get; }

    /// <summary>Values kept for the life of this waterfall instance (persisted with the stack).</summary>
    public IDictionary<string, object?> Values { get; }

    public int Index { get; }

    public string StepName { get; }

    public DialogReason Reason { get; }

    /// <summary>The result of the previous step or of the child dialog it began (a prompt's answer).</summary>
    public object? Result { get; }

    /// <summary>Typed access to <see cref="Result"/>.</summary>
    public T? ResultAs<T>() => StateValues.Convert<T>(Result);

    /// <summary>Typed access to <see cref="Options"/>.</summary>
    public T? OptionsAs<T>() => StateValues.Convert<T>(Options);

    /// <summary>Skips to the next step with <paramref name="result"/> as its <see cref="Result"/>.</summary>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (_nextCalled)
        {
            throw new InvalidOperationException($"Step '{StepName}' of waterfall '{_parent.Id}' called NextAsync twice.");
        }

        _nextCalled = true;
        return _parent.ResumeDialogAsync(this, DialogReason.NextCalled, result, cancellationToken);
    }
}
