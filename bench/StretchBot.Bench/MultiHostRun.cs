using System.Diagnostics;
using System.Text.Json.Nodes;

namespace StretchBot.Bench;

/// <summary>Starts two StretchBot instances on one database of the given provider.</summary>
public delegate Task<(BotProcess A, BotProcess B)> StartPair(string provider, string name, Dictionary<string, string> settings, CancellationToken cancellationToken);

/// <summary>
/// Two StretchBot instances on one database, as behind a load balancer with no session affinity: conversations are
/// walked from the welcome to a booked check-in with every turn going to the other instance than the turn before, and
/// each conversation's consent sent to both at once (a double tap that the load balancer spread). Both
/// instances' dispatchers send the check-ins (due a few seconds after booking) into the fake connector. Counted: lost
/// updates (a conversation that did not move on exactly as answered), double submits taken twice, and check-ins sent
/// more than once.
/// </summary>
public sealed class MultiHostRun(BenchOptions options, FakeConnector? connector, StartPair startPair, TextWriter log)
{
    private const string AnswerAgain = "please answer the last question again";
    private const string StaleCard = "That button belongs to an earlier question";

    public async Task<MultiHostResult> RunAsync(string provider, CancellationToken cancellationToken)
    {
        var result = new MultiHostResult { Provider = provider, Conversations = options.MultiHostConversations };
        var settings = new Dictionary<string, string>
        {
            ["CheckIn__DispatcherEnabled"] = "true",
            ["CheckIn__Interval"] = "00:00:05",
            ["CheckIn__PollInterval"] = "00:00:01",
        };
        connector!.Clear();
        var (a, b) = await startPair(provider, "multihost", settings, cancellationToken);
        await using (a)
        await using (b)
        {
            log.WriteLine($"  two instances on {provider}: processes {a.ProcessId} and {b.ProcessId}");
            var walkers = new[] { new ConversationWalker(a.Http, connector.ServiceUrl), new ConversationWalker(b.Http, connector.ServiceUrl) };
            var stopwatch = Stopwatch.StartNew();
            var next = -1;
            var booked = new List<string>();
            string? firstLoss = null;
            await Task.WhenAll(Enumerable.Range(0, Math.Min(32, options.MultiHostConversations)).Select(async worker =>
            {
                while (Interlocked.Increment(ref next) is var n && n < options.MultiHostConversations)
                {
                    var user = n % 2 == 0 ? BenchUser.Teams(LoadRun.TenantFor(worker)) : BenchUser.Web();
                    var outcome = await WalkAlternatingAsync(walkers, user, cancellationToken);
                    lock (result)
                    {
                        if (outcome.Why is not null && firstLoss is null)
                        {
                            firstLoss = outcome.Why;
                            log.WriteLine($"  first lost update: {outcome.Why}");
                        }

                        result.Turns += outcome.Turns;
                        result.LostUpdates += outcome.Lost ? 1 : 0;
                        result.DoubleSubmitsTakenTwice += outcome.TakenTwice ? 1 : 0;
                        result.DoubleSubmitsRefused += outcome.Refused ? 1 : 0;
                        if (outcome.Booked)
                        {
                            booked.Add(user.ConversationId);
                        }
                    }
                }
            }));
            result.Seconds = Math.Round(stopwatch.Elapsed.TotalSeconds, 1);
            result.CheckInsBooked = booked.Count;

            // Every booked check-in falls due within seconds; wait for them (or give up after a minute).
            var waited = Stopwatch.StartNew();
            while (waited.Elapsed < TimeSpan.FromSeconds(60) && connector.Messages.Select(m => m.ConversationId).Distinct().Count() < booked.Count)
            {
                await Task.Delay(100, cancellationToken);
            }

            // Let anything in flight land, so a duplicate would show.
            await Task.Delay(2000, cancellationToken);
        }

        var messages = connector.Messages.ToList();
        result.CheckInsDelivered = messages.Select(m => m.ConversationId).Distinct().Count();
        result.DuplicateCheckIns = FakeConnector.ConversationsAboveUsualCount(messages);
        log.WriteLine($"  {provider}, two instances: {result.Conversations} conversations, {result.Turns} turns in {result.Seconds:F0} s; "
            + $"{result.LostUpdates} lost updates, {result.DoubleSubmitsTakenTwice} double submits taken twice ({result.DoubleSubmitsRefused} refused by the ETag); "
            + $"check-ins {result.CheckInsDelivered}/{result.CheckInsBooked} delivered, {result.DuplicateCheckIns} duplicates");
        return result;
    }

    private static async Task<Outcome> WalkAlternatingAsync(ConversationWalker[] walkers, BenchUser user, CancellationToken cancellationToken)
    {
        var outcome = new Outcome();
        var replies = await walkers[0].SendAsync(ActivityShapes.ConversationStart(user, walkers[0].ServiceUrl), null, cancellationToken);
        replies = await walkers[1].StepAsync(user, replies, ConversationScript.ToPlan[0], null, cancellationToken);
        outcome.Turns += 2;

        // The consent, tapped twice and spread to both instances: exactly one may take it. The other either lost the
        // race to write (refused by the ETag: "answer again") or came second and saw an earlier question's button.
        var consent = ConversationScript.ToPlan[1];
        var data = replies.SubmitData(consent.Button!) ?? throw new BenchException($"No \"{consent.Button}\" after the welcome.");
        var both = await Task.WhenAll(walkers.Select(w => w.SendAsync(ActivityShapes.Submit(user, w.ServiceUrl, (JsonObject)data.DeepClone()), null, cancellationToken)));
        outcome.Turns += 2;
        var next = ConversationScript.ToPlan[2].Button!;
        var taken = both.Where(r => r.SubmitData(next) is not null
            && !r.Texts().Any(t => t.StartsWith(StaleCard, StringComparison.Ordinal) || t.Contains(AnswerAgain, StringComparison.OrdinalIgnoreCase))).ToList();
        outcome.TakenTwice = taken.Count > 1;
        outcome.Refused = both.Any(r => r.Texts().Any(t => t.Contains(AnswerAgain, StringComparison.OrdinalIgnoreCase)));
        if (taken.Count != 1)
        {
            outcome.Lost = true;
            outcome.Why = "double submit: " + string.Join(" || ", both.Select(r => string.Join(" | ", r.Texts().Select(t => t[..Math.Min(60, t.Length)])) + " [" + string.Join(", ", r.ButtonTitles()) + "]"));
            return outcome;
        }

        replies = taken[0];
        // With a check-in interval of seconds the booking button reads "In 1 minute (...)" rather than "Same time next week".
        var steps = ConversationScript.ToPlan.Skip(2).Append(ScriptStep.ClickStartingWith("In ")).ToList();
        for (var i = 0; i < steps.Count; i++)
        {
            try
            {
                replies = await walkers[i % 2].StepAsync(user, replies, steps[i], null, cancellationToken);
                outcome.Turns++;
            }
            catch (BenchException exception)
            {
                // The bot was not at the question just answered: an answer was lost (or taken twice) on the way.
                outcome.Lost = true;
                outcome.Why = $"step {i + 2}: {exception.Message}";
                return outcome;
            }
        }

        outcome.Booked = true;
        return outcome;
    }

    private sealed class Outcome
    {
        public int Turns { get; set; }

        public bool Lost { get; set; }

        public bool TakenTwice { get; set; }

        public bool Refused { get; set; }

        public bool Booked { get; set; }

        /// <summary>What the bot said instead, for the log.</summary>
        public string? Why { get; set; }
    }
}
