using System.Text.Json.Nodes;
using StretchBot.Domain.Catalog;
using StretchBot.Domain.Triage;

namespace StretchBot.Tests.Domain.Catalog;

public class StretchCatalogTests
{
    private static readonly StretchCatalog Catalog = StretchCatalog.LoadEmbedded();

    [Fact]
    public void EmbeddedCatalogHoldsTheTwelveStretchesWithTheFixedIds()
    {
        Assert.Equal(StretchIds.All, Catalog.Stretches.Select(s => s.Id));
    }

    [Fact]
    public void EmbeddedCatalogIsLoadedOnceAndShared()
    {
        Assert.Same(StretchCatalog.LoadEmbedded(), StretchCatalog.LoadEmbedded());
    }

    [Fact]
    public void CatalogCannotBeChangedByItsReaders()
    {
        var steps = Assert.IsAssignableFrom<IList<string>>(Catalog.Get(StretchIds.Cobra).Steps);
        Assert.True(steps.IsReadOnly);
        Assert.Throws<NotSupportedException>(() => steps.Add("Jump."));
        var stretches = Assert.IsAssignableFrom<IList<Stretch>>(Catalog.Stretches);
        Assert.True(stretches.IsReadOnly);
    }

    [Fact]
    public void EveryStretchHasWhatItsCardShows()
    {
        foreach (var stretch in Catalog.Stretches)
        {
            Assert.False(string.IsNullOrWhiteSpace(stretch.Name), stretch.Id);
            Assert.InRange(stretch.Steps.Count, 3, 8);
            Assert.False(string.IsNullOrWhiteSpace(stretch.Dose.Summary), stretch.Id);
            Assert.False(string.IsNullOrWhiteSpace(stretch.SuitsText), stretch.Id);
            Assert.NotEmpty(stretch.Cautions);
            Assert.EndsWith(".", stretch.PictureAlt);
            var sentences = stretch.WhyItWorks.Split(". ", StringSplitOptions.RemoveEmptyEntries).Length;
            Assert.InRange(sentences, 1, 2);
        }
    }

    public static TheoryData<string, StartingPosition, bool, MovementDirection, SideGuidance> ArticleFacts => new()
    {
        { StretchIds.CatCow, StartingPosition.OnAllFours, true, MovementDirection.NerveGlide, SideGuidance.NotApplicable },
        { StretchIds.Cobra, StartingPosition.LyingFaceDown, false, MovementDirection.Extension, SideGuidance.NotApplicable },
        { StretchIds.KneeHugs, StartingPosition.LyingOnBack, false, MovementDirection.Flexion, SideGuidance.NotApplicable },
        { StretchIds.KneeRolls, StartingPosition.LyingOnBack, false, MovementDirection.Rotation, SideGuidance.BothSides },
        { StretchIds.SeatedSciaticNerveFloss, StartingPosition.SittingOnChairEdge, false, MovementDirection.NerveGlide, SideGuidance.LeastPainfulSide },
        { StretchIds.SeatedFlexion, StartingPosition.SittingOnChairEdge, false, MovementDirection.Flexion, SideGuidance.NotApplicable },
        { StretchIds.McKenzieSideGlide, StartingPosition.StandingSideOnToWall, false, MovementDirection.SideShift, SideGuidance.LeastPainfulSide },
        { StretchIds.StandingExtension, StartingPosition.Standing, false, MovementDirection.Extension, SideGuidance.NotApplicable },
        { StretchIds.StandingSideBend, StartingPosition.Standing, false, MovementDirection.SideShift, SideGuidance.LeastPainfulSide },
        { StretchIds.GlutealStretch, StartingPosition.SittingOnFloor, true, MovementDirection.MuscleStretch, SideGuidance.LeastPainfulSide },
        { StretchIds.PiriformisStretch, StartingPosition.LyingOnBack, true, MovementDirection.MuscleStretch, SideGuidance.LeastPainfulSide },
        { StretchIds.KneelingHipFlexorStretch, StartingPosition.Kneeling, true, MovementDirection.MuscleStretch, SideGuidance.BothSides },
    };

    [Theory]
    [MemberData(nameof(ArticleFacts))]
    public void StretchCarriesTheArticlesPositionDirectionAndSide(
        string id, StartingPosition position, bool needsFloor, MovementDirection direction, SideGuidance side)
    {
        var stretch = Catalog.Get(id);
        Assert.Equal(position, stretch.StartingPosition);
        Assert.Equal(needsFloor, stretch.NeedsFloor);
        Assert.Equal(direction, stretch.Direction);
        Assert.Equal(side, stretch.Side);
    }

    public static TheoryData<string, int?, int?, int?, int?, int> ArticleDoses => new()
    {
        { StretchIds.CatCow, null, null, null, 30, 1 },
        { StretchIds.Cobra, 1, 10, null, null, 1 },
        { StretchIds.KneeHugs, 8, 10, null, null, 1 },
        { StretchIds.KneeRolls, null, null, null, 30, 1 },
        { StretchIds.SeatedSciaticNerveFloss, null, null, null, 30, 3 },
        { StretchIds.SeatedFlexion, 1, 10, null, null, 1 },
        { StretchIds.McKenzieSideGlide, 10, 10, null, null, 3 },
        { StretchIds.StandingExtension, 1, 10, null, null, 1 },
        { StretchIds.StandingSideBend, 10, 10, null, null, 1 },
        { StretchIds.GlutealStretch, null, null, 30, null, 1 },
        { StretchIds.PiriformisStretch, null, null, 30, null, 1 },
        { StretchIds.KneelingHipFlexorStretch, null, null, 30, null, 1 },
    };

    [Theory]
    [MemberData(nameof(ArticleDoses))]
    public void StretchCarriesTheArticlesDose(string id, int? repsMin, int? repsMax, int? hold, int? continuous, int sets)
    {
        var dose = Catalog.Get(id).Dose;
        Assert.Equal((repsMin, repsMax, hold, continuous, sets), (dose.RepetitionsMin, dose.RepetitionsMax, dose.HoldSeconds, dose.ContinuousSeconds, dose.Sets));
        Assert.False(string.IsNullOrWhiteSpace(dose.Frequency));
    }

    [Theory]
    [InlineData(StretchIds.Cobra, Diagnosis.SpinalStenosis)]
    [InlineData(StretchIds.Cobra, Diagnosis.LowerBackArthritis)]
    [InlineData(StretchIds.StandingExtension, Diagnosis.SpinalStenosis)]
    [InlineData(StretchIds.StandingExtension, Diagnosis.LowerBackArthritis)]
    [InlineData(StretchIds.KneeHugs, Diagnosis.Osteoporosis)]
    [InlineData(StretchIds.SeatedFlexion, Diagnosis.Osteoporosis)]
    public void StretchIsMarkedToAvoidWithTheDiagnosisThatRulesItOut(string id, Diagnosis diagnosis)
    {
        Assert.Contains(diagnosis, Catalog.Get(id).AvoidIf);
    }

    [Theory]
    [InlineData(StretchIds.GlutealStretch)]
    [InlineData(StretchIds.PiriformisStretch)]
    public void ButtockStretchesAreNeverGivenAfterAHipReplacementOrWithOsteoporosis(string id)
    {
        Assert.Contains(Diagnosis.HipReplacement, Catalog.Get(id).AvoidIf);
        Assert.Contains(Diagnosis.Osteoporosis, Catalog.Get(id).AvoidIf);
    }

    [Fact]
    public void CatalogCarriesTheArticlesGeneralRulesAndAdvice()
    {
        Assert.Equal(
            ["check-with-clinician", "pain-free", "try-for-a-week", "change-if-worse", "less-painful-side"],
            Catalog.GeneralRules.Select(r => r.Id));
        Assert.Contains(Catalog.Advice, a => a.Id == "walking-breaks-stenosis" && a.AppliesWhen.Contains(AdviceTrigger.SpinalStenosis));
        Assert.Contains(Catalog.Advice, a => a.Id == "general-health" && a.AppliesWhen.Contains(AdviceTrigger.Always));
    }

    [Fact]
    public void LookingUpAnUnknownIdFailsClearlyOrReturnsFalse()
    {
        Assert.False(Catalog.TryGet("handstand", out _));
        Assert.False(Catalog.TryGet(null, out _));
        Assert.True(Catalog.TryGet(StretchIds.Cobra, out var cobra));
        Assert.Equal("Cobra", cobra.Name);
        var ex = Assert.Throws<KeyNotFoundException>(() => Catalog.Get("handstand"));
        Assert.Contains("handstand", ex.Message);
    }

    [Fact]
    public void TheEmbeddedJsonParsesToTheSameCatalog()
    {
        var parsed = StretchCatalog.Parse(EmbeddedJson());
        Assert.Equal(Catalog.Stretches.Select(s => s.Id), parsed.Stretches.Select(s => s.Id));
    }

    [Fact]
    public void MissingFieldIsReportedWithTheStretchAndField()
    {
        var ex = Invalid(root => StretchNode(root, "cobra").Remove("steps"));
        Assert.Equal("stretch 'cobra': field 'steps' is missing", ex.Message);
    }

    [Fact]
    public void EmptyStepsAreReportedWithTheStretchAndField()
    {
        var ex = Invalid(root => StretchNode(root, "cobra")["steps"] = new JsonArray());
        Assert.Equal("stretch 'cobra': field 'steps' is empty", ex.Message);
    }

    [Fact]
    public void BlankTextIsReportedAsEmpty()
    {
        var ex = Invalid(root => StretchNode(root, "knee-rolls")["whyItWorks"] = "   ");
        Assert.Equal("stretch 'knee-rolls': field 'whyItWorks' is empty", ex.Message);
    }

    [Fact]
    public void UnknownEnumValueIsReportedWithTheStretchFieldAndValue()
    {
        var ex = Invalid(root => StretchNode(root, "cobra")["direction"] = "Sideways");
        Assert.StartsWith("stretch 'cobra': field 'direction' has unknown value 'Sideways'", ex.Message);
        Assert.Contains("Extension", ex.Message);
    }

    [Fact]
    public void NumbersAreNotAcceptedAsEnumValues()
    {
        var ex = Invalid(root => StretchNode(root, "cobra")["startingPosition"] = "1");
        Assert.StartsWith("stretch 'cobra': field 'startingPosition' has unknown value '1'", ex.Message);
    }

    [Fact]
    public void UnknownTagInAListIsReported()
    {
        var ex = Invalid(root => StretchNode(root, "cat-cow")["avoidIf"] = new JsonArray("Headache"));
        Assert.StartsWith("stretch 'cat-cow': field 'avoidIf' has unknown value 'Headache'", ex.Message);
    }

    [Fact]
    public void DuplicateIdIsReported()
    {
        var ex = Invalid(root => StretchNode(root, "knee-hugs")["id"] = "cobra");
        Assert.Equal("stretch 'cobra': field 'id' duplicates an earlier stretch", ex.Message);
    }

    [Fact]
    public void MissingIdIsReportedByPosition()
    {
        var ex = Invalid(root => ((JsonObject)root["stretches"]![2]!).Remove("id"));
        Assert.Equal("stretch #3: field 'id' is missing", ex.Message);
    }

    [Fact]
    public void MisspelledFieldIsReported()
    {
        var ex = Invalid(root => StretchNode(root, "cobra")["stpes"] = new JsonArray("One."));
        Assert.Equal("stretch 'cobra': unknown field 'stpes'", ex.Message);
    }

    [Fact]
    public void WrongTypeIsReported()
    {
        var ex = Invalid(root => StretchNode(root, "cobra")["needsFloor"] = "yes");
        Assert.Equal("stretch 'cobra': field 'needsFloor' must be true or false", ex.Message);
    }

    [Fact]
    public void DoseProblemsNameTheDoseField()
    {
        var missing = Invalid(root => ((JsonObject)StretchNode(root, "cobra")["dose"]!).Remove("sets"));
        Assert.Equal("stretch 'cobra': field 'dose.sets' is missing", missing.Message);

        var both = Invalid(root => StretchNode(root, "cobra")["dose"]!["holdSeconds"] = 30);
        Assert.StartsWith("stretch 'cobra': field 'dose.repetitionsMax' conflicts", both.Message);

        var neither = Invalid(root => ((JsonObject)StretchNode(root, "gluteal-stretch")["dose"]!).Remove("holdSeconds"));
        Assert.StartsWith("stretch 'gluteal-stretch': field 'dose.repetitionsMax' is missing", neither.Message);

        var negative = Invalid(root => StretchNode(root, "gluteal-stretch")["dose"]!["holdSeconds"] = -5);
        Assert.StartsWith("stretch 'gluteal-stretch': field 'dose.holdSeconds' must be between", negative.Message);
    }

    [Fact]
    public void SimilarToMustNameAnotherStretch()
    {
        var ex = Invalid(root => StretchNode(root, "cobra")["similarTo"] = new JsonArray("handstand"));
        Assert.StartsWith("stretch 'cobra': field 'similarTo' names 'handstand'", ex.Message);
    }

    [Fact]
    public void AdviceProblemsNameTheAdviceEntry()
    {
        var ex = Invalid(root => ((JsonObject)root["advice"]![0]!).Remove("text"));
        Assert.Equal("advice 'stay-active': field 'text' is missing", ex.Message);
    }

    [Fact]
    public void BadIdFormatIsReported()
    {
        var ex = Invalid(root => StretchNode(root, "cobra")["id"] = "Cobra Pose");
        Assert.StartsWith("stretch #2: field 'id' 'Cobra Pose' must be lower-case", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{\"stretches\": []}")]
    public void MalformedDocumentIsRejectedWithACatalogError(string json)
    {
        var ex = Assert.Throws<CatalogValidationException>(() => StretchCatalog.Parse(json));
        Assert.StartsWith("catalog:", ex.Message);
    }

    private static CatalogValidationException Invalid(Action<JsonNode> change)
    {
        var root = JsonNode.Parse(EmbeddedJson())!;
        change(root);
        return Assert.Throws<CatalogValidationException>(() => StretchCatalog.Parse(root.ToJsonString()));
    }

    private static JsonObject StretchNode(JsonNode root, string id) =>
        root["stretches"]!.AsArray().Select(n => n!.AsObject()).Single(n => (string?)n["id"] == id);

    private static string EmbeddedJson()
    {
        using var stream = typeof(StretchCatalog).Assembly.GetManifestResourceStream(StretchCatalog.ResourceName)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
