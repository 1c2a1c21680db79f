using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using StretchBot.Dialogs.Engine.Prompts;
using StretchBot.Storage;
using StretchBot.Dialogs.State;
using StretchBot.Tests.Storage;

namespace StretchBot.Tests.Bots;

/// <summary>
/// One live card at a time, end to end: answered cards are closed in place, a stale press brings the current question
/// back, and when two instances race on the same press the loser's card is closed, so exactly one card stays live.
/// </summary>
public class OneLiveCardTests
{
    [Fact]
    public async Task EveryAnsweredCardOnTheWayToAPlanIsClosedAndOnlyTheLastQuestionIsLive()
    {
        using var harness = new ConversationHarness();
        await harness.Driver.ConversationStartsAsync();
        await harness.Driver.SendAsync("hi");
        await harness.Driver.ClickAsync("Yes, I've checked");
        await harness.Driver.ClickAsync("None of these");
        await harness.Driver.ClickAsync("None of these");
        await harness.Driver.ClickAsync("4");

        var live = LiveCards(harness);

        Assert.Single(live);
        Assert.Contains("How long have you had this back pain?", live[0].ToString());
        Assert.Contains(harness.Updates, u => Card(u).ToString().Contains("✓ 4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStalePressBringsTheCurrentQuestionBackAsTheOneLiveCard()
    {
        using var harness = new ConversationHarness();
        await harness.Driver.SendAsync("hi");
        var consent = harness.Driver.Last;
        await harness.Driver.ClickAsync("Yes, I've checked");

        var stale = await harness.Driver.ClickOnAsync(consent, "Yes, I've checked");

        Assert.True(stale.Mentions(Prompt<bool>.StaleCardMessage), stale.AllText);
        Assert.True(stale.Mentions("Do any of these apply to you right now?"), stale.AllText);
        Assert.Single(LiveCards(harness));
    }

    [Fact]
    public async Task ALostRaceLeavesExactlyOneLiveCard()
    {
        RaceStorage? race = null;
        using var harness = new ConversationHarness(wrapStorage: inner => race = new RaceStorage(inner));
        await harness.Driver.SendAsync("hi");
        await harness.Driver.ClickAsync("Yes, I've checked");
        var redFlags = harness.Driver.Last;

        // Two instances take the same press: both read the state as it is now; the first saves, the second loses.
        await race!.ArmAsync();
        var winner = await harness.Driver.ClickOnAsync(redFlags, "None of these");
        Assert.True(winner.Mentions("A few more"), winner.AllText);
        race.ServeTheEarlierReads();
        await Assert.ThrowsAsync<StorageConcurrencyException>(() => harness.Driver.ClickOnAsync(redFlags, "None of these"));

        var live = LiveCards(harness);
        Assert.Single(live);
        Assert.Contains("A few more", live[0].ToString());
        Assert.Contains(harness.Updates, u => Card(u).ToString().Contains(AnsweredCards.ReplacedNote, StringComparison.Ordinal));
    }

    /// <summary>The cards the user can still press: the latest version of every card sent, with a submit or an input.</summary>
    private static List<JObject> LiveCards(ConversationHarness harness)
    {
        var latest = new Dictionary<string, JObject>();
        foreach (var activity in harness.Sent.Concat(harness.Updates))
        {
            if (activity.Id is { } id && (activity as IMessageActivity)?.Attachments?.Count > 0)
            {
                latest[id] = Card(activity);
            }
        }

        return latest.Values
            .Where(c => c.SelectTokens("$..[?(@.type == 'Action.Submit')]").Any() || c.SelectTokens("$..[?(@.type =~ /^Input\\..*/)]").Any())
            .Where(c => !c.ToString().Contains("What I can do", StringComparison.Ordinal)) // the help card's commands are never stale
            .ToList();
    }

    private static JObject Card(IActivity activity) => CardContent.Of(((IMessageActivity)activity).Attachments[0].Content);

    /// <summary>Serves reads as they were when armed, so a second turn races the first on the same ETags.</summary>
    // Serves, once armed, the state as it was when armed: the second instance's read of the same turn.
    private sealed class RaceStorage(CountingStateStore<SqliteStorage> inner) : IStorage, IStateStore
    {
        private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
        private IReadOnlyDictionary<string, StoredState>? _snapshot;
        private bool _serveSnapshot;

        public async Task ArmAsync()
        {
            _snapshot = await inner.ReadStateAsync(_keys.ToList(), CancellationToken.None);
        }

        public void ServeTheEarlierReads() => _serveSnapshot = true;

        public async Task<IReadOnlyDictionary<string, StoredState>> ReadStateAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
        {
            _keys.UnionWith(keys);
            if (_serveSnapshot && _snapshot is not null)
            {
                return keys.Where(_snapshot.ContainsKey).ToDictionary(k => k, k => _snapshot[k]);
            }

            return await inner.ReadStateAsync(keys, cancellationToken);
        }

        public Task WriteStateAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken) => inner.WriteStateAsync(writes, cancellationToken);

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) => inner.ReadAsync(keys, cancellationToken);

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) => inner.WriteAsync(changes, cancellationToken);

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);
    }
}
