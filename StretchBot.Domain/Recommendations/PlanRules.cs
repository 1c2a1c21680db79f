using StretchBot.Domain.Catalog;
using StretchBot.Domain.Triage;

namespace StretchBot.Domain.Recommendations;

/// <summary>The hard rules: what may never be recommended, and what may never share a plan.</summary>
public static class PlanRules
{
    /// <summary>Pain at or above this (0-10) gets a smaller, gentler plan.</summary>
    public const int SeverePain = 8;

    /// <summary>
    /// True when the stretch may be recommended to this user at all: none of its avoid-if diagnoses,
    /// no floor work unless the user said they can get down and up safely, nerve flossing only when symptoms reach a
    /// leg, and nothing that moves the back in the direction the user said makes it worse.
    /// </summary>
    public static bool IsAllowed(Stretch stretch, TriageAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(stretch);
        ArgumentNullException.ThrowIfNull(answers);
        if (stretch.AvoidIf.Any(answers.HasDiagnosis))
        {
            return false;
        }

        if (stretch.NeedsFloor && answers.CanGetToFloor != true)
        {
            return false;
        }

        if (stretch.OnlyWithLegSymptoms && !HasLegSymptoms(answers))
        {
            return false;
        }

        return !IsDirectionExcluded(stretch.Direction, answers.WorseWith);
    }

    /// <summary>True when the two stretches pull the back in opposite directions (extension and flexion).</summary>
    public static bool AreOpposite(Stretch first, Stretch second) =>
        (first.Direction, second.Direction) is
            (MovementDirection.Extension, MovementDirection.Flexion) or
            (MovementDirection.Flexion, MovementDirection.Extension);

    /// <summary>True when the two are near-identical (e.g. cobra and standing extension).</summary>
    public static bool AreSimilar(Stretch first, Stretch second) =>
        first.SimilarTo.Contains(second.Id) || second.SimilarTo.Contains(first.Id);

    /// <summary>
    /// True when the candidate can join the plan: not already in it, not opposite or similar to anything in it,
    /// and not a second leg-muscle stretch unless <paramref name="allowSecondLegMuscle"/>.
    /// </summary>
    public static bool CanJoin(Stretch candidate, IEnumerable<Stretch> plan, bool allowSecondLegMuscle)
    {
        foreach (var member in plan)
        {
            if (member.Id == candidate.Id || AreOpposite(candidate, member) || AreSimilar(candidate, member))
            {
                return false;
            }

            if (!allowSecondLegMuscle && candidate.IsLegMuscleStretch && member.IsLegMuscleStretch)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when pain is severe enough for a gentle plan.</summary>
    public static bool IsSevere(int? pain) => pain >= SeverePain;

    /// <summary>
    /// True when only gentle stretches that need no floor may be picked: severe pain, or a warning sign a clinician
    /// has since cleared (the bot then promises to keep the suggestions gentle).
    /// </summary>
    public static bool GentleOnly(TriageAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return IsSevere(answers.PainNow) || answers.ClinicianClearedRedFlags == true;
    }

    /// <summary>True when the stretch suits a gentle-only plan: marked gentle, and done without getting down to the floor.</summary>
    public static bool IsGentle(Stretch stretch)
    {
        ArgumentNullException.ThrowIfNull(stretch);
        return stretch.Gentle && !stretch.NeedsFloor;
    }

    /// <summary>True when the pain reaches a leg (down one leg, or both legs).</summary>
    public static bool HasLegSymptoms(TriageAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return answers.Location is PainLocation.DownOneLeg or PainLocation.BothLegs;
    }

    private static bool IsDirectionExcluded(MovementDirection direction, WorseWith? worseWith) => worseWith switch
    {
        WorseWith.BendingForwardOrSitting => direction == MovementDirection.Flexion,
        WorseWith.LeaningBackStandingOrWalking => direction == MovementDirection.Extension,
        WorseWith.Both => direction is MovementDirection.Flexion or MovementDirection.Extension,
        _ => false,
    };
}
