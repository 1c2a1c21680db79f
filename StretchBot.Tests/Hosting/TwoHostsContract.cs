using Newtonsoft.Json.Linq;
using StretchBot.Dialogs.CheckIns;
using StretchBot.Dialogs.Engine.Prompts;
using StretchBot.Dialogs.Plans;
using StretchBot.Hosting;

namespace StretchBot.Tests.Hosting;

/// <summary>
/// Two real hosts on one database, as behind a load balancer without session affinity: a conversation's turns go to
/// either, a double tap reaches both at once, and both hosts' check-in dispatchers run. Nothing may be lost or done
/// twice, on any provider.
/// </summary>
public abstract class TwoHostsContract(TestDatabase database) : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private protected TestDatabase Database { get; } = database;

    public void Dispose()
    {
        Database.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task TurnsAlternatingBetweenTheHostsReachThePlanWithEveryAnswerKept()
    {
        using var hostA = Host();
        using var hostB = Host();
        var hosts = new[] { hostA.CreateClient(), hostB.CreateClient() };
        var driver = new HttpConversationDriver(hosts[0], "alternating");

        var replies = await driver.SendAsync("hi");
        for (var step = 0; step < JourneySteps.ToThePlan.Count; step++)
        {
            driver.Http = hosts[(step + 1) % 2];
            var (button, inputs) = JourneySteps.ToThePlan[step];
            replies = await driver.ClickAsync(button, inputs);
            Assert.True(JourneySteps.AreAt(replies, step + 1), $"after \"{button}\" on host {(step + 1) % 2}: {replies.AllText}");
        }

        driver.Http = hosts[0];
        Assert.True((await driver.SendAsync("my plan")).StretchCards.Count > 0);
    }

    [Fact]
    public async Task ADoubleTapSpreadOverBothHostsMovesTheConversationOnOnce()
    {
        using var hostA = Host();
        using var hostB = Host();
        var drivers = new[] { new HttpConversationDriver(hostA.CreateClient(), "double-tap"), new HttpConversationDriver(hostB.CreateClient(), "double-tap") };
        var replies = await JourneySteps.ToQuestionAsync(drivers[0], 0);

        var current = drivers[0];
        for (var step = 0; step < JourneySteps.ToThePlan.Count; step++)
        {
            var (button, inputs) = JourneySteps.ToThePlan[step];
            var submit = new JObject { ["type"] = "message", ["value"] = current.Last.SubmitDataOf(button) };
            if (inputs is not null)
            {
                ((JObject)submit["value"]!).Merge(JObject.FromObject(inputs));
            }

            var both = await Task.WhenAll(drivers.Select(d => d.SendAsync((JObject)submit.DeepClone())));

            // One host takes the answer; the other lost the race to write it (asked to answer again) or saw a question
            // already answered (the current one shown again). Never both, never neither.
            var took = Enumerable.Range(0, 2).Where(i => JourneySteps.AreAt(both[i], step + 1)
                && !both[i].Mentions(AdapterWithErrorHandler.TwoMessagesAtOnceText) && !both[i].Mentions(Prompt<bool>.StaleCardMessage)).ToList();
            Assert.True(took.Count == 1, $"after \"{button}\": {both[0].AllText}\n---\n{both[1].AllText}");
            current = drivers[took[0]];
            replies = both[took[0]];
        }

        Assert.True(replies.StretchCards.Count > 0, replies.AllText);
    }

    [Fact]
    public async Task WithBothHostsDispatchingEveryBookedCheckInIsSentOnce()
    {
        await using var channel = await LoopbackChannel.StartAsync();
        var conversations = Enumerable.Range(0, 12).Select(i => $"booked-{i}").ToList();
        using (var hostA = Host(dispatch: true))
        using (var hostB = Host(dispatch: true))
        {
            var hosts = new[] { hostA.CreateClient(), hostB.CreateClient() };
            await Task.WhenAll(conversations.Select((c, i) => BookAsync(new HttpConversationDriver(hosts[i % 2], c, serviceUrl: channel.ServiceUrl), hosts)));

            await channel.WaitUntilAsync(
                () => conversations.All(c => CheckInsTo(channel, c) > 0),
                TimeSpan.FromSeconds(60),
                () => string.Join(", ", conversations.Select(c => $"{c}: {CheckInsTo(channel, c)}")));
        }

        // Both hosts have stopped (a send in flight finishes first): whatever was going to be sent has been.
        Assert.All(conversations, c => Assert.Equal(1, CheckInsTo(channel, c)));
    }

    private StretchBotHostFactory Host(bool dispatch = false) => new(new Dictionary<string, string?>(Database.HostSettings)
    {
        ["DirectLine:Enabled"] = "false",
        ["CheckIn:DispatcherEnabled"] = dispatch ? "true" : "false",
        ["CheckIn:Interval"] = Interval.ToString(),
        ["CheckIn:PollInterval"] = "00:00:00.200",
        ["CheckIn:TenantSpacing"] = "00:00:00",
    });

    /// <summary>A person goes to the plan and books the check-in, each turn on the other host than the one before.</summary>
    private static async Task BookAsync(HttpConversationDriver driver, HttpClient[] hosts)
    {
        await driver.SendAsync("hi");
        for (var step = 0; step < JourneySteps.ToThePlan.Count; step++)
        {
            driver.Http = hosts[step % 2];
            var (button, inputs) = JourneySteps.ToThePlan[step];
            await driver.ClickAsync(button, inputs);
        }

        var label = CheckInTimes.DefaultLabel(Interval);
        var book = driver.Last.Cards.SelectMany(c => c.SelectTokens("$..[?(@.type == 'Action.Submit')].title"))
            .Select(t => t.ToString()).First(t => t.StartsWith(label, StringComparison.Ordinal));
        Assert.True((await driver.ClickAsync(book)).Mentions("I'll check in on"));
    }

    private static int CheckInsTo(LoopbackChannel channel, string conversationId)
        => channel.Count(conversationId, a => a.ToString().Contains(CheckInCard.Title, StringComparison.Ordinal));
}

public sealed class SqliteTwoHostsTests() : TwoHostsContract(new SqliteTestDatabase());

public sealed class PostgresTwoHostsTests() : TwoHostsContract(new PostgresTestDatabase());
