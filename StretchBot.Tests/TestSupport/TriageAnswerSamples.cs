using StretchBot.Domain.RedFlags;
using StretchBot.Domain.Triage;

namespace StretchBot.Tests.TestSupport;

/// <summary>
/// Consented triage answers for tests that look at many users at once: a deterministic spread over every question,
/// or one user drawn from a seeded <see cref="Random"/>.
/// </summary>
internal static class TriageAnswerSamples
{
    private static readonly Diagnosis[] RealDiagnoses = Enum.GetValues<Diagnosis>().Where(d => d != Diagnosis.NoneOrDontKnow).ToArray();

    /// <summary>
    /// What makes it worse x where it hurts (pain down both legs only as long-standing) x each single diagnosis (plus
    /// none and unanswered) x the floor question x pain (unanswered, 5, 8, 10): 5 x 6 x 9 x 3 x 4 = 3,240 users. What eases
    /// it, age, sitting, running and a cleared warning sign (one in ten) are drawn from a seeded generator, so they
    /// fall independently of the product's order.
    /// </summary>
    public static IEnumerable<TriageAnswers> Spread()
    {
        var eased = WithUnanswered<EasedBy>();
        var ages = WithUnanswered<AgeBand>();
        var diagnoses = new List<Diagnosis>?[] { null, [Diagnosis.NoneOrDontKnow] }.Concat(RealDiagnoses.Select(d => (List<Diagnosis>?)[d])).ToList();
        var random = new Random(20261124);
        foreach (var worse in WithUnanswered<WorseWith>())
        foreach (var location in WithUnanswered<PainLocation>())
        foreach (var diagnosis in diagnoses)
        foreach (var floor in new bool?[] { null, true, false })
        foreach (var pain in new int?[] { null, 5, 8, 10 })
        {
            var answers = Consented();
            answers.WorseWith = worse;
            answers.Location = location;
            answers.BothLegsNewOrWorse = location == PainLocation.BothLegs ? false : null;
            answers.Diagnoses = diagnosis is null ? null : [.. diagnosis];
            answers.CanGetToFloor = floor;
            answers.PainNow = pain;
            answers.EasedBy = Pick(random, eased);
            answers.AgeBand = Pick(random, ages);
            answers.Duration = PainDuration.SixToTwelveWeeks;
            answers.SitsForLongPeriods = random.Next(2) == 0;
            answers.Runs = random.Next(3) == 0;
            if (random.Next(10) == 0)
            {
                ClearASeeDoctorSign(answers);
            }

            yield return answers;
        }
    }

    /// <summary>One user with every question answered at random (any may be left unanswered), from a seeded generator.</summary>
    public static TriageAnswers Random(Random random)
    {
        var answers = Consented();
        answers.WorseWith = Pick(random, WithUnanswered<WorseWith>());
        answers.EasedBy = Pick(random, WithUnanswered<EasedBy>());
        answers.Location = Pick(random, WithUnanswered<PainLocation>());
        answers.BothLegsNewOrWorse = answers.Location == PainLocation.BothLegs ? false : null;
        answers.Diagnoses = random.Next(10) switch
        {
            0 => null,
            1 or 2 => [Diagnosis.NoneOrDontKnow],
            _ => RealDiagnoses.Where(_ => random.Next(4) == 0).ToList(),
        };
        answers.CanGetToFloor = Pick(random, new bool?[] { null, true, true, false });
        answers.SitsForLongPeriods = Pick(random, new bool?[] { null, true, false });
        answers.Runs = Pick(random, new bool?[] { null, true, false });
        answers.AgeBand = Pick(random, WithUnanswered<AgeBand>());
        answers.Duration = Pick(random, WithUnanswered<PainDuration>());
        // A third start with severe pain, so the gentle rules are exercised from the first week.
        answers.PainNow = random.Next(20) == 0 ? null : random.Next(3) == 0 ? random.Next(8, 11) : random.Next(0, 8);
        if (random.Next(10) == 0)
        {
            ClearASeeDoctorSign(answers);
        }

        return answers;
    }

    private static TriageAnswers Consented() => new()
    {
        ConsentConfirmed = true,
        ConsentConfirmedAt = new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.Zero),
    };

    // A see-a-doctor sign that a clinician has since looked at: a plan is allowed, a gentle one.
    private static void ClearASeeDoctorSign(TriageAnswers answers)
    {
        answers.RedFlagAnswers[RedFlagIds.CancerHistory] = true;
        answers.ClinicianClearedRedFlags = true;
    }

    private static List<T?> WithUnanswered<T>()
        where T : struct, Enum => Enum.GetValues<T>().Select(v => (T?)v).Prepend(null).ToList();

    private static T Pick<T>(Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];
}
