using StretchBot.Domain.Triage;

namespace StretchBot.Tests.TestSupport;

/// <summary>Builds consented triage answers for the recommender tests.</summary>
internal static class TriageProfiles
{
    public static TriageAnswers Consented(
        WorseWith? worse = WorseWith.NeitherOrNotSure,
        PainLocation? location = PainLocation.LowerBackOnly,
        Diagnosis[]? diagnoses = null,
        bool? floor = true,
        bool? sits = false,
        bool? runs = false,
        AgeBand? age = AgeBand.From20To50,
        int? pain = 5,
        PainDuration? duration = PainDuration.UnderSixWeeks) => new()
        {
            ConsentConfirmed = true,
            ConsentConfirmedAt = new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.Zero),
            PainNow = pain,
            Duration = duration,
            Location = location,
            WorseWith = worse,
            Diagnoses = diagnoses is null ? [Diagnosis.NoneOrDontKnow] : [.. diagnoses],
            CanGetToFloor = floor,
            SitsForLongPeriods = sits,
            Runs = runs,
            AgeBand = age,
        };
}
