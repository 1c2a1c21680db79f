using System.Security.Cryptography;
using System.Text;

namespace StretchBot.Dialogs.Engine;

/// <summary>A waterfall step: ends in exactly one prompt, next, begin or end call.</summary>
public delegate Task<DialogTurnResult> WaterfallStep(WaterfallStepContext stepContext, CancellationToken cancellationToken);

/// <summary>
/// A dialog made of named steps run in order. Its <see cref="Version"/> is derived from the step names, so a
/// redeploy that adds, removes, renames or reorders steps is detected for conversations stored mid-waterfall.
/// </summary>
public class WaterfallDialog : Dialog
{
    private const string StepIndexKey = "stepIndex";
    private const string OptionsKey = "options";
    private const string ValuesKey = "values";

    private readonly List<(string Name, WaterfallStep Step)> _steps = new();
    private string? _version;

    public WaterfallDialog(string dialogId, IEnumerable<WaterfallStep>? steps = null)
        : base(dialogId)
    {
        foreach (var step in steps ?? [])
        {
            AddStep(step);
        }
    }

    public override string Version => _version ??= ComputeVersion();

    public IReadOnlyList<string> StepNames => _steps.Select(s => s.Name).ToList();

    /// <summary>Adds a step, named after its method (or <paramref name="name"/>).</summary>
    public WaterfallDialog AddStep(WaterfallStep step, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (_version is not null)
        {
            throw new InvalidOperationException("Steps cannot be added after the waterfall has been used.");
        }

        name ??= step.Method.Name;
        if (_steps.Any(s => s.Name == name))
        {
            throw new InvalidOperationException($"Waterfall '{Id}' already has a step named '{name}'.");
        }

        _steps.Add((name, step));
        return this;
    }

    /// <summary>The values a waterfall instance keeps (what its steps see as <see cref="WaterfallStepContext.Values"/>).</summary>
    public static IDictionary<string, object?>? ValuesOf(DialogInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.State.Get<Dictionary<string, object?>>(ValuesKey);
    }

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        var state = dc.ActiveDialog!.State;
        state[OptionsKey] = options;
        state[ValuesKey] = new Dictionary<string, object?>();
        return RunStepAsync(dc, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        // A waterfall only waits on a child (a prompt); a message reaching it directly moves it on.
        return ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity?.Text, cancellationToken);
    }

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        var index = (int)(dc.ActiveDialog!.State.Get<long?>(StepIndexKey) ?? 0);
        return RunStepAsync(dc, index + 1, reason, result, cancellationToken);
    }

    private async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            return await dc.EndDialogAsync(result, cancellationToken);
        }

        var state = dc.ActiveDialog!.State;
        state[StepIndexKey] = (long)index;

        var values = state.Get<Dictionary<string, object?>>(ValuesKey) ?? new Dictionary<string, object?>();
        state[ValuesKey] = values;

        var (name, step) = _steps[index];
        var stepContext = new WaterfallStepContext(this, dc, state.GetValueOrDefault(OptionsKey), values, index, name, reason, result);
        return await step(stepContext, cancellationToken);
    }

    private string ComputeVersion()
    {
        var shape = string.Join('|', _steps.Select(s => s.Name));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(shape));
        return $"{_steps.Count}-{Convert.ToHexString(hash, 0, 6)}";
    }
}
