using StretchBot.Domain.Catalog;
using StretchBot.Domain.Recommendations;
using StretchBot.Domain.Swaps;
using StretchBot.Domain.Triage;

namespace StretchBot.Tests.TestSupport;

/// <summary>
/// Many users, each given a plan by the real <see cref="StretchRecommender"/> and then 8 to 12 weekly check-ins through
/// the real <see cref="SwapRule"/>, with seeded random feedback, pain scores and offered swaps taken or not, carrying
/// from one week to the next what the check-in dialog carries (the plan, everything found worse, the last feedback, the
/// pain history). Every step is judged by the rules below, written from issue 12 and the article rather than taken
/// from the code: no call to PlanRules, PainTrend or the recommender's own predicates.
/// </summary>
internal sealed class CheckInSimulation
{
    /// <summary>The rule a problem breaks, so each test reports only its own.</summary>
    public enum Rule
    {
        FoundWorseCameBack,
        NotGentleWithSeverePain,
        NoGentleSwapLeftNotSaid,
        PainRiseNotFlagged,
        SevereNotImprovingNotFlagged,
        UnsafePlan,
    }

    private static readonly StretchCatalog Catalog = StretchCatalog.LoadEmbedded();
    private static readonly StretchRecommender Recommender = new(Catalog);
    private static readonly SwapRule SwapRule = new(Recommender);

    // Near-identical twins: the article calls standing extension a handier version of the cobra; the catalog may name more.
    private static readonly (string, string)[] ArticleTwins = [(StretchIds.Cobra, StretchIds.StandingExtension)];

    private static readonly Feedback?[] FeedbackDraw =
    [
        Feedback.Better, Feedback.Better, Feedback.Better, Feedback.Same, Feedback.Same, Feedback.Same, Feedback.Same,
        Feedback.Worse, Feedback.Worse, Feedback.DidNotTry, null,
    ];

    private readonly List<(Rule Rule, string Message)> _problems = [];
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>Every broken rule, with the user, the week and what happened.</summary>
    public IReadOnlyList<(Rule Rule, string Message)> Problems => _problems;

    /// <summary>How often each situation came up (plans, check-ins, severe swaps, flags, ...), to show the run covered them.</summary>
    public IReadOnlyDictionary<string, int> Counts => _counts;

    /// <summary>Simulates <paramref name="users"/> users, user i from a generator seeded with <paramref name="seed"/> + i.</summary>
    public static CheckInSimulation Run(int users, int seed)
    {
        var simulation = new CheckInSimulation();
        for (var user = 0; user < users; user++)
        {
            simulation.SimulateUser(new Random(seed + user), $"user {user} (seed {seed + user})");
        }

        return simulation;
    }

    public int Count(string what) => _counts.GetValueOrDefault(what);

    private void SimulateUser(Random random, string who)
    {
        var answers = TriageAnswerSamples.Random(random);
        Tally("users");
        var recommendation = Recommender.Recommend(answers);
        if (!recommendation.HasPlan)
        {
            return;
        }

        Tally("plans");
        var plan = recommendation.Stretches.Select(s => s.Stretch.Id).ToList();
        CheckPlan(answers, plan, $"{who}, first plan");
        if (IsSevere(answers.PainNow ?? 0) || answers.ClinicianClearedRedFlags == true)
        {
            ExpectGentle(plan, $"{who}, first plan with pain {answers.PainNow}");
        }

        var start = answers.PainNow ?? 0;
        var pain = start;
        var earlier = new List<int>();
        var everWorse = new HashSet<string>(StringComparer.Ordinal);
        IReadOnlyCollection<string> storedWorse = [];
        IReadOnlyDictionary<string, Feedback> previous = new Dictionary<string, Feedback>();
        var weeks = random.Next(8, 13);
        for (var week = 1; week <= weeks; week++)
        {
            var where = $"{who}, week {week}, plan [{string.Join(", ", plan)}]";
            pain = NextPain(random, pain);
            var feedback = DrawFeedback(random, plan);
            everWorse.UnionWith(feedback.Where(f => f.Value == Feedback.Worse).Select(f => f.Key));
            var result = SwapRule.Apply(new CheckInInput
            {
                Answers = answers.Clone(),
                CurrentPlan = plan.ToList(),
                Feedback = feedback,
                PainAtStart = start,
                PainNow = pain,
                PainAtEarlierCheckIns = earlier.ToList(),
                FoundWorseBefore = storedWorse,
                PreviousFeedback = previous,
            });
            Tally("check-ins");
            where += $", pain {start} -> [{string.Join(", ", earlier)}] -> {pain}";
            CheckPain(result, start, earlier, pain, where);
            CheckSwaps(answers, result, everWorse, pain, where);

            earlier.Add(pain);
            storedWorse = result.FoundWorse;
            previous = feedback;
            if (result.NoPlan)
            {
                Tally("plans that ran out");
                break;
            }

            plan = TakeAnOfferOrNot(random, answers, result, where);
            CheckPlan(answers, plan, where + ", after the check-in");
            var forbidden = Forbidden(everWorse);
            Expect(!plan.Any(forbidden.Contains), Rule.FoundWorseCameBack, $"{where}: the plan now holds something found worse: [{string.Join(", ", plan)}]");
        }
    }

    private void CheckSwaps(TriageAnswers answers, SwapResult result, HashSet<string> everWorse, int pain, string where)
    {
        var forbidden = Forbidden(everWorse);
        var gentleOnly = IsSevere(pain) || answers.ClinicianClearedRedFlags == true;
        var offered = result.Replacements.Select(r => ("replacement", r.New.Stretch))
            .Concat(result.OfferedSwaps.Select(o => ("offered swap", o.Alternative.Stretch))).ToList();
        foreach (var (kind, stretch) in offered)
        {
            Tally(kind + "s");
            Expect(!forbidden.Contains(stretch.Id), Rule.FoundWorseCameBack, $"{where}: {kind} {stretch.Id} was found worse (or is its twin); found worse: [{string.Join(", ", everWorse)}]");
            Expect(!gentleOnly || (stretch.Gentle && !stretch.NeedsFloor), Rule.NotGentleWithSeverePain, $"{where}: {kind} {stretch.Id} is not a gentle stretch off the floor");
            Expect(RuledOut(answers, stretch) is null, Rule.UnsafePlan, $"{where}: {kind} {stretch.Id}: {RuledOut(answers, stretch)}");
            if (gentleOnly)
            {
                Tally($"{kind}s with severe pain or a cleared sign");
            }
        }

        Expect(everWorse.All(result.FoundWorse.Contains), Rule.FoundWorseCameBack, $"{where}: the check-in forgot something found worse");

        // A worse stretch left without a replacement while only gentle ones may be offered: the check-in must say
        // no gentle swap is left (and only then).
        var saysNoGentle = result.AdviseClinician.Contains(ClinicianAdviceReason.NoGentleSwapLeft);
        var noGentleLeft = gentleOnly && result.Dropped.Count > 0;
        Expect(saysNoGentle == noGentleLeft, Rule.NoGentleSwapLeftNotSaid, $"{where}: dropped [{string.Join(", ", result.Dropped)}], gentle only {gentleOnly}, says no gentle swap left {saysNoGentle}");
        if (noGentleLeft)
        {
            Tally("no gentle swap left");
        }
    }

    // Issue 12: a rise of 2 points or 30 % (of a non-zero earlier score; a share of 0 means nothing) against the start
    // or the last check-in is flagged; so is pain of 8 or more that has not fallen by as much since two check-ins back
    // (the start, at the second check-in). Nothing else raises these flags.
    private void CheckPain(SwapResult result, int start, List<int> earlier, int now, string where)
    {
        var sinceStart = Rose(start, now);
        var sinceLast = earlier.Count > 0 && Rose(earlier[^1], now);
        var twoBack = earlier.Count switch { 0 => (int?)null, 1 => start, _ => earlier[^2] };
        var severeStuck = IsSevere(now) && twoBack is { } before && !Fell(before, now);
        var reasons = result.AdviseClinician;
        Expect(reasons.Contains(ClinicianAdviceReason.PainRose) == sinceStart, Rule.PainRiseNotFlagged, $"{where}: rise since the start {sinceStart}, flagged [{string.Join(", ", reasons)}]");
        Expect(reasons.Contains(ClinicianAdviceReason.PainRoseSinceLastCheckIn) == sinceLast, Rule.PainRiseNotFlagged, $"{where}: rise since the last check-in {sinceLast}, flagged [{string.Join(", ", reasons)}]");
        Expect(reasons.Contains(ClinicianAdviceReason.PainSevereNotImproving) == severeStuck, Rule.SevereNotImprovingNotFlagged, $"{where}: severe and not improving {severeStuck}, flagged [{string.Join(", ", reasons)}]");
        Tally(sinceStart ? "rises since the start" : "no rise since the start");
        Tally(sinceLast ? "rises since the last check-in" : "no rise since the last check-in");
        Tally(severeStuck ? "severe and not improving" : "not severe-and-stuck");
    }

    // 1 to 3 stretches, none twice, never leaning back and bending forward together, never twins together, and none
    // the answers rule out.
    private void CheckPlan(TriageAnswers answers, List<string> plan, string where)
    {
        var stretches = plan.Select(Catalog.Get).ToList();
        var problems = new List<string>();
        if (plan.Count is < 1 or > 3)
        {
            problems.Add($"{plan.Count} stretches");
        }

        if (plan.Distinct().Count() != plan.Count)
        {
            problems.Add("a stretch twice");
        }

        if (stretches.Any(s => s.Direction == MovementDirection.Extension) && stretches.Any(s => s.Direction == MovementDirection.Flexion))
        {
            problems.Add("extension and flexion together");
        }

        if (ArticleTwins.Any(t => plan.Contains(t.Item1) && plan.Contains(t.Item2)))
        {
            problems.Add("twins together");
        }

        problems.AddRange(stretches.Select(s => RuledOut(answers, s) is { } why ? $"{s.Id}: {why}" : null).OfType<string>());
        Expect(problems.Count == 0, Rule.UnsafePlan, $"{where}: {string.Join("; ", problems)}");
    }

    /// <summary>Why the answers rule this stretch out, or null (issue 12 and the article, plus the catalog's avoid-if list).</summary>
    private static string? RuledOut(TriageAnswers a, Stretch s)
    {
        string[] flexionLoaded = [StretchIds.KneeHugs, StretchIds.SeatedFlexion, StretchIds.GlutealStretch, StretchIds.PiriformisStretch];
        string[] buttock = [StretchIds.GlutealStretch, StretchIds.PiriformisStretch];
        return s switch
        {
            _ when s.AvoidIf.Any(a.HasDiagnosis) => "one of its avoid-if diagnoses",
            _ when s.Direction == MovementDirection.Extension && (a.HasDiagnosis(Diagnosis.SpinalStenosis) || a.HasDiagnosis(Diagnosis.LowerBackArthritis)) => "leaning back with stenosis or arthritis",
            _ when a.HasDiagnosis(Diagnosis.Osteoporosis) && flexionLoaded.Contains(s.Id) => "flexion-loaded with osteoporosis",
            _ when a.HasDiagnosis(Diagnosis.HipReplacement) && buttock.Contains(s.Id) => "a buttock stretch after a hip replacement",
            _ when s.NeedsFloor && a.CanGetToFloor != true => "needs the floor",
            _ when s.Id == StretchIds.SeatedSciaticNerveFloss && a.Location is not (PainLocation.DownOneLeg or PainLocation.BothLegs) => "nerve flossing without leg symptoms",
            _ when s.Direction == MovementDirection.Flexion && a.WorseWith is WorseWith.BendingForwardOrSitting or WorseWith.Both => "bends forward, which makes it worse",
            _ when s.Direction == MovementDirection.Extension && a.WorseWith is WorseWith.LeaningBackStandingOrWalking or WorseWith.Both => "leans back, which makes it worse",
            _ => null,
        };
    }

    private void ExpectGentle(List<string> plan, string where) =>
        Expect(plan.Select(Catalog.Get).All(s => s.Gentle && !s.NeedsFloor), Rule.NotGentleWithSeverePain, $"{where}: not all gentle and off the floor: [{string.Join(", ", plan)}]");

    // Everything found worse and its near-identical twins.
    private static HashSet<string> Forbidden(IEnumerable<string> worse)
    {
        var forbidden = new HashSet<string>(worse, StringComparer.Ordinal);
        foreach (var id in forbidden.ToList())
        {
            forbidden.UnionWith(ArticleTwins.Where(t => t.Item1 == id).Select(t => t.Item2));
            forbidden.UnionWith(ArticleTwins.Where(t => t.Item2 == id).Select(t => t.Item1));
            forbidden.UnionWith(Catalog.Stretches.Where(s => s.SimilarTo.Contains(id) || Catalog.Get(id).SimilarTo.Contains(s.Id)).Select(s => s.Id));
        }

        return forbidden;
    }

    // Each offered swap must be safe to take; the user then keeps the plan as it is or takes one of them (issue 12:
    // "the user picks the replacement, or keeps the current set"), which joins the plan in the old one's place.
    private List<string> TakeAnOfferOrNot(Random random, TriageAnswers answers, SwapResult result, string where)
    {
        foreach (var offer in result.OfferedSwaps)
        {
            CheckPlan(answers, Taking(result.NewPlan, offer), $"{where}, taking the offered {offer.Alternative.Stretch.Id} for {offer.CurrentId}");
        }

        if (result.OfferedSwaps.Count == 0 || random.Next(2) == 0)
        {
            return result.NewPlan.ToList();
        }

        Tally("offered swaps taken");
        return Taking(result.NewPlan, result.OfferedSwaps[random.Next(result.OfferedSwaps.Count)]);
    }

    private static List<string> Taking(IReadOnlyList<string> plan, OfferedSwap offer) =>
        plan.Select(id => id == offer.CurrentId ? offer.Alternative.Stretch.Id : id).ToList();

    // Mostly small weekly moves, sometimes a jump anywhere on the scale.
    private static int NextPain(Random random, int pain) =>
        random.Next(8) == 0 ? random.Next(0, 11) : Math.Clamp(pain + random.Next(-3, 4), 0, 10);

    private static Dictionary<string, Feedback> DrawFeedback(Random random, List<string> plan)
    {
        var feedback = new Dictionary<string, Feedback>(StringComparer.Ordinal);
        foreach (var id in plan)
        {
            if (FeedbackDraw[random.Next(FeedbackDraw.Length)] is { } given)
            {
                feedback[id] = given;
            }
        }

        return feedback;
    }

    private static bool IsSevere(int pain) => pain >= 8;

    private static bool Rose(int before, int now) => now - before >= 2 || (before > 0 && now > before && 10 * (now - before) >= 3 * before);

    private static bool Fell(int before, int now) => before - now >= 2 || (before > 0 && now < before && 10 * (before - now) >= 3 * before);

    private void Expect(bool holds, Rule rule, string message)
    {
        if (!holds)
        {
            _problems.Add((rule, message));
        }
    }

    private void Tally(string what) => _counts[what] = _counts.GetValueOrDefault(what) + 1;
}
