using StretchBot.Domain.Catalog;
using StretchBot.Domain.Triage;

namespace StretchBot.Domain.Recommendations;

/// <summary>
/// Scores how well a stretch fits the answers and words the reasons. Each thing the user said that the
/// stretch is meant for adds points and one sentence; cautions take points away.
/// </summary>
internal static class FitScorer
{
    internal const int DirectionPoints = 6;
    internal const int NeutralDirectionPoints = 3;
    internal const int DiagnosisPoints = 4;
    internal const int LocationPoints = 4;
    internal const int OneSidePoints = 3;
    internal const int HabitPoints = 3;
    internal const int GentlePoints = 2;
    internal const int OlderAdultPoints = 1;
    internal const int MostPeoplePoints = 1;
    internal const int NoFloorPoints = 1;
    internal const int MainTargetPoints = 1;
    internal const int CautionPenalty = 4;

    private static readonly (Diagnosis Diagnosis, SuitsTag Tag, string Words)[] DiagnosisTags =
    [
        (Diagnosis.DiscBulgeOrProlapse, SuitsTag.DiscBulgeOrProlapse, "a disc bulge or prolapse"),
        (Diagnosis.SpinalStenosis, SuitsTag.SpinalStenosis, "spinal stenosis"),
        (Diagnosis.FacetJointProblem, SuitsTag.FacetJointProblem, "a facet joint problem"),
        (Diagnosis.LowerBackArthritis, SuitsTag.LowerBackArthritis, "arthritis in your lower back"),
        (Diagnosis.PiriformisSyndrome, SuitsTag.PiriformisSyndrome, "piriformis syndrome"),
    ];

    public static StretchFit Score(Stretch stretch, int catalogIndex, TriageAnswers answers)
    {
        var factors = new List<(int Points, string Sentence)>();

        AddDirection(stretch, answers.WorseWith, factors);
        AddEasing(stretch, answers.EasedBy, factors);

        foreach (var (diagnosis, tag, words) in DiagnosisTags)
        {
            if (answers.HasDiagnosis(diagnosis) && stretch.Suits.Contains(tag))
            {
                factors.Add((DiagnosisPoints, $"You mentioned {words}, and this is one of the stretches suggested for it."));
            }
        }

        AddLocation(stretch, answers.Location, factors);

        if (answers.SitsForLongPeriods == true && stretch.Suits.Contains(SuitsTag.SitsForLongPeriods))
        {
            factors.Add((HabitPoints, "You sit for long periods, which tends to tighten the muscle this one stretches."));
        }

        if (answers.Runs == true && stretch.Suits.Contains(SuitsTag.Runners))
        {
            factors.Add((HabitPoints, "You run, and running often tightens the muscle this one stretches."));
        }

        if (UserMatches(SuitsTag.OlderAdults, answers) && stretch.Suits.Contains(SuitsTag.OlderAdults))
        {
            factors.Add((OlderAdultPoints, "It is often used for older people whose back pain comes from spinal stenosis."));
        }

        if (PlanRules.IsSevere(answers.PainNow) && stretch.Gentle)
        {
            factors.Add((GentlePoints, "It is gentle enough to try while your pain is bad."));
        }

        if (answers.CanGetToFloor == false && stretch.StartingPosition is StartingPosition.Standing or StartingPosition.StandingSideOnToWall or StartingPosition.SittingOnChairEdge)
        {
            factors.Add((NoFloorPoints, "You do it sitting or standing, so there is no need to get down to the floor."));
        }

        if (stretch.Suits.Contains(SuitsTag.MostPeople))
        {
            factors.Add((MostPeoplePoints, answers.WorseWith is null or WorseWith.NeitherOrNotSure
                ? "You didn't name a movement that makes it worse, so this is one that suits most people with back pain."
                : "It's one of the stretches that suits most people with back pain."));
        }

        string? cautionNote = null;
        var penalty = 0;
        if (stretch.CautionIf.Contains(Diagnosis.HipReplacement) && answers.HasDiagnosis(Diagnosis.HipReplacement))
        {
            penalty += CautionPenalty;
            cautionNote = "Because you have had a hip replacement, check with your surgeon or physio before doing it: crossing the legs and bending the hip a long way can be off-limits after that operation.";
        }

        if (stretch.CautionIf.Contains(Diagnosis.DiscBulgeOrProlapse) && answers.HasDiagnosis(Diagnosis.DiscBulgeOrProlapse))
        {
            penalty += CautionPenalty;
            cautionNote ??= "With a disc problem this one can sometimes stir things up, so stop it if it does.";
        }

        if (stretch.CautionIf.Contains(Diagnosis.FacetJointProblem) && answers.HasDiagnosis(Diagnosis.FacetJointProblem))
        {
            penalty += CautionPenalty;
            cautionNote ??= "Leaning back presses on the facet joints, so with a facet joint problem go only a little way and stop if it pinches or hurts.";
        }

        foreach (var diagnosis in stretch.CautionIf)
        {
            if (diagnosis is not (Diagnosis.HipReplacement or Diagnosis.DiscBulgeOrProlapse or Diagnosis.FacetJointProblem) && answers.HasDiagnosis(diagnosis))
            {
                penalty += CautionPenalty;
                cautionNote ??= "Given what you told me about your diagnosis, take extra care with this one and stop if it hurts.";
            }
        }

        // Ranked as it is (it suits most people), but never without the care it needs.
        if (answers.WorseWith is { } worse && stretch.CautionIfWorseWith.Contains(worse))
        {
            cautionNote ??= "You said bending both forward and back makes it worse, and this one does a little of each: keep the movement small, stay where it is comfortable and stop if either end hurts.";
        }

        var mainTarget = stretch.Suits[0] != SuitsTag.MostPeople && UserMatches(stretch.Suits[0], answers) ? MainTargetPoints : 0;

        // Strongest reasons first; equal points keep the order above, so the wording is deterministic.
        var ordered = factors
            .Select((factor, order) => (factor.Points, factor.Sentence, order))
            .OrderByDescending(f => f.Points)
            .ThenBy(f => f.order)
            .ToList();
        return new StretchFit(
            stretch,
            catalogIndex,
            ordered.Sum(f => f.Points) + mainTarget - penalty,
            ordered.Select(f => f.Sentence).ToList(),
            cautionNote);
    }

    /// <summary>True when the answers say the user is someone the tag describes.</summary>
    internal static bool UserMatches(SuitsTag tag, TriageAnswers answers) => tag switch
    {
        SuitsTag.MostPeople => true,
        SuitsTag.DiscBulgeOrProlapse => answers.HasDiagnosis(Diagnosis.DiscBulgeOrProlapse),
        SuitsTag.SpinalStenosis => answers.HasDiagnosis(Diagnosis.SpinalStenosis),
        SuitsTag.FacetJointProblem => answers.HasDiagnosis(Diagnosis.FacetJointProblem),
        SuitsTag.LowerBackArthritis => answers.HasDiagnosis(Diagnosis.LowerBackArthritis),
        SuitsTag.PiriformisSyndrome => answers.HasDiagnosis(Diagnosis.PiriformisSyndrome),
        SuitsTag.WorseBendingForwardOrSitting => answers.WorseWith == WorseWith.BendingForwardOrSitting,
        SuitsTag.WorseLeaningBackOrStanding => answers.WorseWith == WorseWith.LeaningBackStandingOrWalking,
        SuitsTag.WorseBothWays => answers.WorseWith == WorseWith.Both,
        SuitsTag.PainOnOneSide => answers.Location == PainLocation.OneSide,
        SuitsTag.PainDownOneLeg => answers.Location == PainLocation.DownOneLeg,
        SuitsTag.ButtockPain => answers.Location == PainLocation.Buttock,
        SuitsTag.SitsForLongPeriods => answers.SitsForLongPeriods == true,
        SuitsTag.Runners => answers.Runs == true,
        SuitsTag.OlderAdults => answers.AgeBand is AgeBand.From51To65 or AgeBand.Over65 && answers.HasDiagnosis(Diagnosis.SpinalStenosis),
        _ => false,
    };

    private static void AddDirection(Stretch stretch, WorseWith? worseWith, List<(int, string)> factors)
    {
        switch (worseWith)
        {
            case WorseWith.BendingForwardOrSitting when stretch.Direction == MovementDirection.Extension:
                factors.Add((DirectionPoints, "You said bending forward and sitting make it worse; this one moves your back the other way, into extension."));
                break;
            case WorseWith.LeaningBackStandingOrWalking when stretch.Direction == MovementDirection.Flexion:
                factors.Add((DirectionPoints, "You said leaning back, standing and walking make it worse; this one moves your back the other way, gently forwards."));
                break;
            case WorseWith.Both when stretch.Suits.Contains(SuitsTag.WorseBothWays):
                factors.Add((DirectionPoints, "You said both bending forward and leaning back make it worse; this one bends your back sideways instead, and is a good pick for that."));
                break;
            case WorseWith.Both when stretch.Direction == MovementDirection.SideShift:
                factors.Add((NeutralDirectionPoints, "You said both bending forward and leaning back make it worse; this one moves your back sideways instead."));
                break;
            case WorseWith.Both when stretch.Direction == MovementDirection.Rotation:
                factors.Add((NeutralDirectionPoints, "You said both bending forward and leaning back make it worse; this one is a gentle twist that avoids both."));
                break;
        }
    }

    // The direction that eases the pain (a directional preference) is the one to lean towards.
    private static void AddEasing(Stretch stretch, EasedBy? easedBy, List<(int, string)> factors)
    {
        switch (easedBy)
        {
            case EasedBy.LeaningBackStandingOrWalking when stretch.Direction == MovementDirection.Extension:
                factors.Add((DirectionPoints, "You said leaning back, standing or walking eases it; this one moves your back that way."));
                break;
            case EasedBy.BendingForwardOrSitting when stretch.Direction == MovementDirection.Flexion:
                factors.Add((DirectionPoints, "You said bending forward or sitting eases it; this one moves your back that way."));
                break;
        }
    }

    private static void AddLocation(Stretch stretch, PainLocation? location, List<(int, string)> factors)
    {
        switch (location)
        {
            case PainLocation.DownOneLeg when stretch.Suits.Contains(SuitsTag.PainDownOneLeg):
                factors.Add((LocationPoints, stretch.Direction == MovementDirection.NerveGlide
                    ? "Your pain runs down one leg; this one gently slides the nerve behind that kind of pain."
                    : "Your pain runs down one leg, and this one is often tried for leg pain that comes from the back."));
                break;
            case PainLocation.OneSide when stretch.Suits.Contains(SuitsTag.PainOnOneSide):
                factors.Add((OneSidePoints, "Your pain is mostly on one side, and this one is done towards whichever side feels easier."));
                break;
            case PainLocation.Buttock when stretch.Suits.Contains(SuitsTag.ButtockPain):
                factors.Add((LocationPoints, "Your pain spreads into your buttock, and this one loosens the muscles there."));
                break;
        }
    }
}
