using System.Text.RegularExpressions;
using StretchBot.Domain.Catalog;
using StretchBot.Domain.Recommendations;
using StretchBot.Domain.Triage;

namespace StretchBot.Tests.Domain.Catalog;

/// <summary>
/// The catalog's words, and the reasons the recommender adds, against the physiotherapist's article
/// (/work/shared/source/back-pain-stretches-article.txt): what it says each stretch is for, how to do it and how much,
/// and nothing it does not say.
/// </summary>
public class StretchCatalogArticleTests
{
    private static readonly StretchCatalog Catalog = StretchCatalog.LoadEmbedded();
    private static readonly StretchRecommender Recommender = new(Catalog);

    // Every sentence the recommender can give as a reason or a caution, over a spread of users.
    private static readonly Lazy<IReadOnlyList<(TriageAnswers Answers, Stretch Stretch, string Sentence)>> ReasonSentences = new(() =>
        TriageAnswerSamples.Spread()
            .SelectMany(answers => Catalog.Stretches.Select((stretch, index) => FitScorer.Score(stretch, index, answers))
                .SelectMany(fit => fit.Reasons.Append(fit.CautionNote).OfType<string>().Select(sentence => (answers, fit.Stretch, sentence))))
            .ToList());

    [Fact]
    public void NoStretchClaimsItTakesPressureOffTheSpine()
    {
        // The article's hip flexor section cites no study; the catalog says what the stretch is meant to do, not that
        // it has been shown to.
        var claims = new Regex(@"(?i)pressure off (the|your) spine|\b(has|have|had) been shown\b|\bshown to\b|\bproven to\b|\bresearch (shows|has shown|proves)\b|\bstudies show\b");
        Assert.All(AllCatalogText(), text => Assert.DoesNotMatch(claims, text.Words));
        Assert.All(ReasonSentences.Value.Select(r => r.Sentence).Distinct(), sentence => Assert.DoesNotMatch(claims, sentence));
    }

    [Fact]
    public void NoStretchThatIsNotMarkedGentleIsCalledGentleEnoughForBadPain()
    {
        Assert.False(Catalog.Get(StretchIds.Cobra).Gentle);
        var gentleClaim = new Regex(@"(?i)gentle enough|while (your )?pain is (bad|severe)|even (when|if) (your )?pain is (bad|severe)|safe (with|for) (bad|severe) pain");
        foreach (var stretch in Catalog.Stretches.Where(s => !s.Gentle))
        {
            Assert.All(TextOf(stretch), text => Assert.DoesNotMatch(gentleClaim, text));
            Assert.DoesNotContain(ReasonSentences.Value, r => r.Stretch.Id == stretch.Id && gentleClaim.IsMatch(r.Sentence));
        }

        Assert.Contains(ReasonSentences.Value, r => r.Stretch.Gentle && gentleClaim.IsMatch(r.Sentence));
    }

    [Fact]
    public void OnlyOlderPeopleWithSpinalStenosisAreToldAStretchSuitsTheirAge()
    {
        // The article: knee hugs for older people whose pain comes from spinal stenosis; nothing about age alone.
        var ageWords = new Regex(@"(?i)\bolder\b|\bover \d\d\b|\bage\b|\bolder adults\b");
        var sentences = ReasonSentences.Value.Where(r => ageWords.IsMatch(r.Sentence)).ToList();
        Assert.NotEmpty(sentences);
        Assert.All(sentences, r =>
        {
            Assert.True(r.Answers.HasDiagnosis(Diagnosis.SpinalStenosis), r.Sentence);
            Assert.True(r.Answers.AgeBand is AgeBand.From51To65 or AgeBand.Over65, r.Sentence);
            Assert.Contains("spinal stenosis", r.Sentence);
        });
        Assert.All(AllCatalogText(), text => Assert.DoesNotMatch(@"(?i)\bover \d\d\b|\bpeople (over|past)\b", text.Words));
    }

    // The article's one-sided stretches: the nerve floss (one leg), the side glide and side bend (one side), the
    // gluteal, piriformis and hip flexor stretches (one leg). All but the hip flexor stay on the less painful side;
    // the hip flexor is stretched on both sides so the hips pull evenly, starting where it hurts less.
    public static TheoryData<string> OneSidedStretches => new()
    {
        StretchIds.SeatedSciaticNerveFloss,
        StretchIds.McKenzieSideGlide,
        StretchIds.StandingSideBend,
        StretchIds.GlutealStretch,
        StretchIds.PiriformisStretch,
        StretchIds.KneelingHipFlexorStretch,
    };

    [Theory]
    [MemberData(nameof(OneSidedStretches))]
    public void EveryOneSidedStretchStartsOnTheLessPainfulSide(string id)
    {
        var stretch = Catalog.Get(id);
        Assert.Matches(@"(?i)hurts less|less painful|feels (better|easier)", string.Join(" ", stretch.Steps));
        if (id == StretchIds.KneelingHipFlexorStretch)
        {
            Assert.Equal(SideGuidance.BothSides, stretch.Side);
            Assert.Contains(stretch.Cautions, c => c.Contains("both sides") && c.Contains("evenly"));
            return;
        }

        Assert.Equal(SideGuidance.LeastPainfulSide, stretch.Side);
        Assert.All(stretch.Steps.Concat(stretch.Cautions), text => Assert.DoesNotMatch(@"(?i)\b(do|stretch|repeat on) both sides\b|\bswap sides\b", text));
    }

    [Fact]
    public void KneeRollsCanBePickedForWhatTheArticleSaysTheyHelp()
    {
        // Tight lower back muscles, and getting the twist back after a bout of back pain: back pain in general, not
        // only severe pain or pain both ways.
        var plan = Recommender.Recommend(new TriageAnswers
        {
            ConsentConfirmed = true,
            PainNow = 5,
            Location = PainLocation.LowerBackOnly,
            WorseWith = WorseWith.NeitherOrNotSure,
            Diagnoses = [Diagnosis.NoneOrDontKnow],
            CanGetToFloor = false,
        });
        var rolls = Assert.Single(plan.Stretches, s => s.Stretch.Id == StretchIds.KneeRolls);
        Assert.Contains("most people with back pain", rolls.Reason);
        Assert.Contains("tight lower back muscles", Catalog.Get(StretchIds.KneeRolls).SuitsText);
    }

    [Fact]
    public void EveryStretchIsPickedForSomeoneWithModeratePainWhoNamedOneWayThatHurts()
    {
        // Not only as the filler of a severe-pain plan or when both directions hurt.
        var picked = TriageAnswerSamples.Spread()
            .Where(a => a.PainNow < 8 && a.WorseWith != WorseWith.Both && a.ClinicianClearedRedFlags != true)
            .SelectMany(a => Recommender.Recommend(a).Stretches.Select(s => s.Stretch.Id))
            .ToHashSet();
        Assert.Equal(StretchIds.All.Order(), picked.Order());
    }

    [Fact]
    public void SeatedFlexionSaysAlmostEveryoneShouldTakeItUpOnceItIsPainFree()
    {
        var text = Catalog.Get(StretchIds.SeatedFlexion).SuitsText;
        Assert.Matches(@"(?i)\b(almost|nearly) everyone\b", text);
        Assert.Matches(@"(?i)no longer hurts|pain-free|stopped hurting", text);
    }

    // The numbers each stretch's instructions in the article give (repetitions, seconds, sets, times a day, hours).
    public static TheoryData<string, string, string[]> ArticleNumbers => new()
    {
        { StretchIds.CatCow, "30 seconds", ["30", "2", "3"] },
        { StretchIds.Cobra, "3 to 4 times a day", ["10", "3", "4"] },
        { StretchIds.KneeHugs, "every 2 hours", ["8", "10", "2"] },
        { StretchIds.KneeRolls, "every 2 to 3 hours", ["30", "2", "3"] },
        { StretchIds.SeatedSciaticNerveFloss, "3 times", ["30", "3"] },
        { StretchIds.SeatedFlexion, "every few hours", ["10"] },
        { StretchIds.McKenzieSideGlide, "3 sets of 10", ["10", "3"] },
        { StretchIds.StandingExtension, "every few hours", ["10"] },
        { StretchIds.StandingSideBend, "up to 3 times a day", ["10", "3"] },
        { StretchIds.GlutealStretch, "5 to 6 times a day", ["30", "5", "6"] },
        { StretchIds.PiriformisStretch, "5 to 6 times a day", ["30", "5", "6"] },
        { StretchIds.KneelingHipFlexorStretch, "5 to 6 times a day", ["30", "5", "6"] },
    };

    [Theory]
    [MemberData(nameof(ArticleNumbers))]
    public void EveryStepAndDoseCarriesTheArticlesNumbersAndNoOthers(string id, string summaryWords, string[] articleNumbers)
    {
        var stretch = Catalog.Get(id);
        Assert.Contains(summaryWords, stretch.Dose.Summary);
        var said = Regex.Matches(string.Join(" ", stretch.Steps.Append(stretch.Dose.Summary).Append(stretch.Dose.Frequency)), @"\d+")
            .Select(m => m.Value);
        Assert.All(said, number => Assert.Contains(number, articleNumbers));
    }

    [Fact]
    public void CatalogNamesNoProductsCoursesOrBooks()
    {
        var all = string.Join(" ", AllCatalogText().Select(t => t.Words));
        foreach (var word in new[] { "TENS", "cream", "rub", "Amazon", "course", "book", "Volk", "Thriving", "affiliate", "sponsor", "commission" })
        {
            Assert.DoesNotMatch($@"(?i)\b{word}s?\b", all);
        }
    }

    private static IEnumerable<string> TextOf(Stretch stretch) =>
        stretch.Steps.Concat(stretch.Cautions).Concat(stretch.PictureCaptions)
            .Append(stretch.Name).Append(stretch.SuitsText).Append(stretch.WhyItWorks).Append(stretch.PictureAlt)
            .Append(stretch.Dose.Summary).Append(stretch.Dose.Frequency);

    private static IEnumerable<(string Where, string Words)> AllCatalogText() =>
        Catalog.Stretches.SelectMany(s => TextOf(s).Select(text => (s.Id, text)))
            .Concat(Catalog.GeneralRules.Concat(Catalog.Advice).Select(a => (a.Id, a.Text)));
}
