using StretchBot.Domain;
using StretchBot.Domain.Triage;
using StretchBot.Dialogs.Progress;
using StretchBot.Dialogs.Triage;

namespace StretchBot.Progress;

/// <summary>The sections of the physio's summary (<see cref="SharePage"/>), each from the history alone.</summary>
internal static class SharePageSections
{
    public static void Consent(SharePage.Html html, ProgressHistory history)
    {
        html.Raw("<section>\n").Element("h2", "Consent");
        html.Element("p", history.ConsentUtc is { } at
            ? $"Confirmed that a doctor or physiotherapist had said gentle stretching was fine: {html.Date(at)}."
            : "No confirmation recorded.");
        html.Raw("</section>\n");
    }

    public static void Pain(SharePage.Html html, ProgressHistory history, string picturePath)
    {
        var points = history.PainPoints;
        html.Raw("<section class=\"summary__pain\">\n").Element("h2", "Pain (0 = none, 10 = worst imaginable)");
        if (points.Count > 0)
        {
            html.Raw($"<img class=\"summary__chart\" src=\"{SharePage.Html.Attribute(picturePath)}\" width=\"600\" height=\"300\" alt=\"{SharePage.Html.Attribute(PainTrendText.Describe(points, html.Zone))}\">\n");
        }

        html.Element("p", PainTrendText.Interpret(points), "summary__reading");
        if (points.Count > 0)
        {
            html.Table("Every pain score", ["Date", "Pain", "When"], points.Select(p => (IReadOnlyList<string>)[html.Date(p.At), $"{p.Pain} / 10", p.AtPlanStart ? "Start of a plan" : "Check-in"]));
        }

        html.Raw("</section>\n");
    }

    public static void Answers(SharePage.Html html, ProgressHistory history)
    {
        html.Raw("<section>\n").Element("h2", "Answers the current plan was made from");
        var plan = history.Plans.LastOrDefault();
        if (plan?.Answers is not { } answers)
        {
            html.Element("p", "No plan has been made yet.").Raw("</section>\n");
            return;
        }

        html.Raw("<dl class=\"summary__answers\">\n");
        foreach (var (question, answer) in AnswerLines(plan.PainAtStart, answers))
        {
            html.Element("dt", question).Element("dd", answer);
        }

        html.Raw("</dl>\n</section>\n");
    }

    public static void Screens(SharePage.Html html, ProgressHistory history)
    {
        html.Raw("<section>\n").Element("h2", "Safety screens (warning signs asked about)");
        if (history.Screens.Count == 0)
        {
            html.Element("p", "None recorded.").Raw("</section>\n");
            return;
        }

        html.Table("Every safety screen", ["Date", "Asked at", "Signs reported", "Result"], history.Screens.Select(s => (IReadOnlyList<string>)
            [html.Date(s.At), SummaryWords.Where(s.Where), s.SignIds.Count == 0 ? "None" : string.Join("; ", s.SignIds.Select(SummaryWords.Sign)), SummaryWords.Outcome(s)]));
        html.Raw("</section>\n");
    }

    public static void Plan(SharePage.Html html, ProgressHistory history)
    {
        html.Raw("<section>\n").Element("h2", "The plan now");
        if (history.CurrentStretches.Count > 0)
        {
            html.Raw("<ul>\n");
            foreach (var id in history.CurrentStretches)
            {
                html.Element("li", $"{html.StretchName(id)}: {WhyInThePlan(html, history, id)}");
            }

            html.Raw("</ul>\n");
        }
        else
        {
            html.Element("p", history.StoppedBy is { } stop ? $"No plan: stopped on {html.Date(stop.At)} after a warning sign ({SummaryWords.Outcome(stop)})." : "No plan at the moment.");
        }

        var changes = history.Plans.Select(p => (p.At, Text: $"New plan: {string.Join(", ", p.Stretches.Select(s => html.StretchName(s.Id)))}", Why: p.Gentle ? "kept gentle" : "from the answers given"))
            .Concat(history.Swaps.Select(s => (s.At, Text: s.Swap.NewStretchId is { } added ? $"{html.StretchName(s.Swap.OldStretchId)} swapped for {html.StretchName(added)}" : $"{html.StretchName(s.Swap.OldStretchId)} stopped", Why: SummaryWords.SwapReason(s.Swap))))
            .OrderBy(c => c.At)
            .Select(c => (IReadOnlyList<string>)[html.Date(c.At), c.Text, c.Why]);
        html.Table("Every change to the plan", ["Date", "Change", "Reason"], changes);
        html.Raw("</section>\n");
    }

    // Why a stretch of the plan now is in it: swapped in (when, for what, why), or picked for the latest plan (its reason).
    private static string WhyInThePlan(SharePage.Html html, ProgressHistory history, string id)
    {
        var plan = history.Plans[^1];
        var swap = history.Swaps.LastOrDefault(s => s.Swap.NewStretchId == id && s.At >= plan.At);
        if (swap is not null)
        {
            return $"swapped in on {html.Date(swap.At)} for {html.StretchName(swap.Swap.OldStretchId)} ({SummaryWords.SwapReason(swap.Swap)})";
        }

        return plan.Stretches.FirstOrDefault(s => s.Id == id).Reason ?? "in the plan";
    }

    public static void CheckIns(SharePage.Html html, ProgressHistory history)
    {
        html.Raw("<section>\n").Element("h2", "Weekly check-ins");
        if (history.CheckIns.Count == 0)
        {
            html.Element("p", "No check-ins answered yet.").Raw("</section>\n");
            return;
        }

        html.Table("Every check-in", ["Date", "Pain", "How each stretch went", "Leg symptoms", "Advised to see a clinician because"], history.CheckIns.Select(c => (IReadOnlyList<string>)
        [
            html.Date(c.At),
            c.Pain is { } pain ? $"{pain} / 10" : "not given",
            c.Feedback.Count == 0 ? "not given" : string.Join("; ", c.Feedback.Select(f => $"{html.StretchName(f.Key)}: {DomainLabels.Label(f.Value).ToLowerInvariant()}")),
            c.Changes.Count == 0 ? "no change reported" : string.Join("; ", c.Changes.Select(SummaryWords.Change)),
            c.Advice.Count == 0 ? "–" : string.Join("; ", c.Advice.Select(SummaryWords.Advice)),
        ]));
        html.Raw("</section>\n");
    }

    private static IEnumerable<(string Question, string Answer)> AnswerLines(int painAtStart, TriageAnswers a)
    {
        yield return ("Pain at the start", $"{painAtStart} / 10");
        if (a.Duration is { } duration) yield return ("How long it has lasted", DomainLabels.Label(duration));
        if (a.Location is { } location) yield return ("Where it is", DomainLabels.Label(location));
        if (a.WorseWith is { } worse) yield return ("What makes it worse", DomainLabels.Label(worse));
        if (a.EasedBy is { } eased) yield return ("What eases it", TriageQuestions.EasedByChoices().First(c => c.Value == eased.ToString()).Title);
        if (a.Diagnoses is { } diagnoses) yield return ("Diagnoses they know of", string.Join(", ", diagnoses.Select(DomainLabels.Label)));
        if (a.CanGetToFloor is { } floor) yield return ("Can get down to the floor and up again", YesNo(floor));
        if (a.SitsForLongPeriods is { } sits) yield return ("Sits for long periods", YesNo(sits));
        if (a.Runs is { } runs) yield return ("Runs", YesNo(runs));
        if (a.AgeBand is { } age) yield return ("Age", DomainLabels.Label(age));
    }

    private static string YesNo(bool value) => value ? "Yes" : "No";
}
