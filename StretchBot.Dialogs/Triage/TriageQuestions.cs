using StretchBot.Domain.Triage;
using StretchBot.Dialogs.Engine.Prompts;

namespace StretchBot.Dialogs.Triage;

/// <summary>The symptom questions' wording and options; each option's value is the answer enum's name.</summary>
public static class TriageQuestions
{
    public const string Pain = "On a scale of 0 to 10, how bad is your back pain right now? 0 means no pain and 10 the worst you can imagine.";
    public const string Duration = "How long have you had this back pain?";
    public const string Location = "Where do you feel it? Pick the one that reaches furthest.";
    public const string BothLegsNewOrWorse =
        "Is the pain, numbness or weakness in both legs new, or has it been getting worse, in about the last two weeks?";
    public const string WorseWith = "What tends to make it worse?";
    public const string EasedBy = "And what tends to ease it?";
    public const string Diagnoses = "Has a doctor or physio told you what is causing it? Tick any that apply.";
    public const string Floor = "Can you get down onto the floor and back up again safely, without help?";
    public const string Sitting = "Do you sit for long periods, for example at a desk or driving?";
    public const string Running = "Do you run, for exercise or sport?";
    public const string Age = "Last one: how old are you?";

    public static List<Choice> DurationChoices() => new()
    {
        new(nameof(PainDuration.UnderSixWeeks), "Less than 6 weeks", "under 6 weeks", "a few weeks", "a week", "a few days", "recently", "days"),
        new(nameof(PainDuration.SixToTwelveWeeks), "6 to 12 weeks", "6-12 weeks", "a couple of months", "two months", "2 months", "three months"),
        new(nameof(PainDuration.OverTwelveWeeks), "More than 12 weeks", "over 12 weeks", "over 3 months", "months", "years", "a long time", "ages"),
    };

    public static List<Choice> LocationChoices() => new()
    {
        new(nameof(PainLocation.LowerBackOnly), "Lower back only", "lower back", "just my back", "my back", "middle"),
        new(nameof(PainLocation.OneSide), "One side of my back", "one side", "left side", "right side"),
        new(nameof(PainLocation.Buttock), "Into my buttock", "buttock", "buttocks", "bum", "bottom", "glute"),
        new(nameof(PainLocation.DownOneLeg), "Down one leg", "one leg", "my leg", "down my leg", "sciatica"),
        new(nameof(PainLocation.BothLegs), "Down both legs", "both legs", "both"),
    };

    public static List<Choice> WorseWithChoices() => new()
    {
        new(nameof(Domain.Triage.WorseWith.BendingForwardOrSitting), "Bending forward or sitting", "bending forward", "bending", "sitting", "sit", "bend"),
        new(nameof(Domain.Triage.WorseWith.LeaningBackStandingOrWalking), "Leaning back, standing or walking", "leaning back", "standing", "walking", "stand", "walk"),
        new(nameof(Domain.Triage.WorseWith.Both), "Both of those", "both", "all of them", "everything"),
        new(nameof(Domain.Triage.WorseWith.NeitherOrNotSure), "Neither, or not sure", "not sure", "neither", "don't know", "dont know", "unsure", "no idea"),
    };

    public static List<Choice> EasedByChoices() => new()
    {
        new(nameof(Domain.Triage.EasedBy.BendingForwardOrSitting), "Bending forward or sitting", "bending forward", "bending", "sitting", "sit", "bend"),
        new(nameof(Domain.Triage.EasedBy.LeaningBackStandingOrWalking), "Leaning back, standing or walking", "leaning back", "standing", "walking", "stand", "walk"),
        new(nameof(Domain.Triage.EasedBy.NeitherOrNotSure), "Neither, or not sure", "not sure", "neither", "nothing", "don't know", "dont know", "unsure", "no idea"),
    };

    public static List<Choice> BothLegsChoices() => new()
    {
        new(ConfirmPrompt.YesValue, "Yes, new or getting worse", "new", "worse", "getting worse"),
        new(ConfirmPrompt.NoValue, "No, it's been the same for a while", "same", "long time", "for years", "not new"),
    };

    public static List<Choice> DiagnosisChoices() => new()
    {
        new(nameof(Diagnosis.DiscBulgeOrProlapse), "Disc bulge or prolapse", "disc", "slipped disc", "herniated disc", "bulging disc", "prolapse", "herniation"),
        new(nameof(Diagnosis.SpinalStenosis), "Spinal stenosis", "stenosis"),
        new(nameof(Diagnosis.FacetJointProblem), "Facet joint problem", "facet", "facet joint", "facet joints"),
        new(nameof(Diagnosis.LowerBackArthritis), "Arthritis in the lower back", "arthritis", "spondylosis", "osteoarthritis"),
        new(nameof(Diagnosis.PiriformisSyndrome), "Piriformis syndrome", "piriformis"),
        new(nameof(Diagnosis.Osteoporosis), "Osteoporosis", "brittle bones", "osteopenia"),
        new(nameof(Diagnosis.HipReplacement), "Hip replacement", "new hip", "replaced hip", "hip replaced"),
        new(nameof(Diagnosis.NoneOrDontKnow), "None of these, or I don't know", "none", "don't know", "dont know", "not sure", "nothing", "no diagnosis", "no"),
    };

    public static List<Choice> FloorChoices() => new()
    {
        new(ConfirmPrompt.YesValue, "Yes, I can", "yes i can", "i can"),
        new(ConfirmPrompt.NoValue, "No, or not sure", "not sure", "i can't", "i cannot", "no"),
    };

    public static List<Choice> AgeChoices() => new()
    {
        new(nameof(AgeBand.Under20), "Under 20", "teenager", "teen"),
        new(nameof(AgeBand.From20To50), "20 to 50", "20-50"),
        new(nameof(AgeBand.From51To65), "51 to 65", "51-65"),
        new(nameof(AgeBand.Over65), "Over 65", "older than 65", "retired"),
    };

    /// <summary>
    /// Forgets the most recent symptom answer (the last one given, in the order the questions are asked), so the
    /// triage asks it again. False when none has been given yet.
    /// </summary>
    public static bool ForgetLastAnswer(TriageAnswers answers)
    {
        Action[] forget =
        [
            () => answers.AgeBand = null, () => answers.Runs = null, () => answers.SitsForLongPeriods = null,
            () => answers.CanGetToFloor = null, () => answers.Diagnoses = null, () => answers.EasedBy = null,
            () => answers.WorseWith = null, () => answers.BothLegsNewOrWorse = null,
            () => answers.Location = null, () => answers.Duration = null, () => answers.PainNow = null,
        ];
        bool[] given =
        [
            answers.AgeBand is not null, answers.Runs is not null, answers.SitsForLongPeriods is not null,
            answers.CanGetToFloor is not null, answers.Diagnoses is not null, answers.EasedBy is not null,
            answers.WorseWith is not null, answers.BothLegsNewOrWorse is not null,
            answers.Location is not null, answers.Duration is not null, answers.PainNow is not null,
        ];
        var last = Array.IndexOf(given, true);
        if (last < 0)
        {
            return false;
        }

        forget[last]();
        return true;
    }

    /// <summary>Reads a typed age ("I'm 47") as the option for its band.</summary>
    public static string? AgeBandFromTypedAge(double age) => age switch
    {
        < 0 or > 120 => null,
        < 20 => nameof(AgeBand.Under20),
        <= 50 => nameof(AgeBand.From20To50),
        <= 65 => nameof(AgeBand.From51To65),
        _ => nameof(AgeBand.Over65),
    };
}
