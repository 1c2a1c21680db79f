using System.Reflection;
using Microsoft.Bot.Builder;
using BotMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace StretchBot.Hosting;

/// <summary>
/// Makes a turn's <see cref="ITurnContext.TurnState"/> compare its keys ordinally, ignoring case, instead of with the
/// invariant culture's rules.
/// </summary>
/// <remarks>
/// The Bot Framework's TurnContextStateCollection is a dictionary keyed with StringComparer.InvariantCultureIgnoreCase,
/// so every lookup (BotState, accessors, the connector client, the dialogs' caches: dozens per turn) hashes its key with
/// ICU's collation; in profiles of the bench that was about a tenth of a StretchBot turn's CPU. The keys are type
/// names and constants in ASCII, for which ordinal-ignore-case matching gives the same answers. The collection has no
/// way to choose its comparer, so this sets the dictionary's comparer field while it is empty (entries the adapter
/// added are taken out and put back). If a future runtime renames the field, nothing changes: the SDK's comparer
/// stays and the turn runs as before.
/// </remarks>
public sealed class OrdinalTurnStateKeys : BotMiddleware
{
    private static readonly FieldInfo? ComparerField =
        typeof(Dictionary<string, object>).GetField("_comparer", BindingFlags.Instance | BindingFlags.NonPublic);

    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        MakeOrdinal(turnContext.TurnState);
        return next(cancellationToken);
    }

    /// <summary>Switches <paramref name="state"/> to ordinal-ignore-case keys, keeping its entries; false if it cannot.</summary>
    public static bool MakeOrdinal(Dictionary<string, object> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (ComparerField is null || ReferenceEquals(state.Comparer, StringComparer.OrdinalIgnoreCase))
        {
            return ComparerField is not null;
        }

        var entries = state.ToArray();
        state.Clear();
        ComparerField.SetValue(state, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in entries)
        {
            state.Add(key, value);
        }

        return true;
    }
}
