using System.Text.Json.Nodes;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using StretchBot.Dialogs.Cards;

namespace StretchBot.Tests.Cards;

public sealed class CardLibraryTests
{
    private static readonly object CobraData = new
    {
        Id = "cobra",
        Name = "Cobra stretch",
        ImageUrl = "http://localhost:3978/images/stretches/cobra.png",
        ImageAlt = "A person lying face down, propped up on the hands",
        PictureStart = "Lie face down",
        PictureThen = "Press the chest up",
        Position = "Lie on your front.",
        Steps = new[] { "Press up slowly.", "Lower down." },
        Dose = "10 lifts, twice a day",
        Reason = "2026-11-24T10:00:00Z",
        Suits = "People who feel better leaning back.",
        Side = (string?)null,
        Cautions = new[] { "Stop if pain spreads down the leg." },
        HowItWorks = "It arches the back gently.",
    };

    [Fact]
    public void RendersAnEmbeddedTemplateAsAnAdaptiveCardAttachment()
    {
        var attachment = new CardLibrary().Render("stretch", CobraData);

        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        var content = CardContent.Of(attachment);
        Assert.Equal("AdaptiveCard", (string?)content["type"]);
        Assert.Equal("1.5", (string?)content["version"]);
        Assert.Contains(content.Descendants().OfType<JValue>(), v => (string?)v == "Cobra stretch");
    }

    [Fact]
    public void TheCardTravelsInTheActivityAsAnObjectNotAsText()
    {
        var activity = (Activity)MessageFactory.Attachment(new CardLibrary().Render("stretch", CobraData));

        // Serialised as the Bot Framework's connector client and the expectReplies response do (Newtonsoft).
        var json = JObject.Parse(Newtonsoft.Json.JsonConvert.SerializeObject(activity, new Newtonsoft.Json.JsonSerializerSettings { NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore }));

        var content = Assert.IsType<JObject>(json["attachments"]![0]!["content"]);
        Assert.Equal("AdaptiveCard", (string?)content["type"]);
        Assert.Contains(content.Descendants().OfType<JValue>(), v => (string?)v == "Cobra stretch");
    }

    [Fact]
    public void BindsDataObjectsByCamelCaseNames()
    {
        var card = new CardLibrary().Expand("stretch", CobraData);

        var texts = card.ToJsonString();
        Assert.Contains("http://localhost:3978/images/stretches/cobra.png", texts);
        Assert.Contains("Step 2: Lower down.", texts);
        Assert.Contains("Stop if pain spreads down the leg.", texts);
        Assert.DoesNotContain("${", texts);
    }

    [Fact]
    public void TextThatLooksLikeADateStaysText()
    {
        var content = CardContent.Of(new CardLibrary().Render("stretch", CobraData));
        var reason = content.Descendants().OfType<JValue>().Single(v => v.Type == JTokenType.String && ((string?)v)!.StartsWith("2026-11-24", StringComparison.Ordinal));
        Assert.Equal("2026-11-24T10:00:00Z", (string?)reason);
    }

    [Fact]
    public void TheSideSectionAppearsOnlyWhenThereIsSideGuidance()
    {
        var library = new CardLibrary();
        var without = library.Expand("stretch", CobraData).ToJsonString();
        var data = JsonNode.Parse(JsonSerializerWeb(CobraData))!.AsObject();
        data["side"] = "Start with your less painful side.";
        var withSide = library.Expand("stretch", data).ToJsonString();

        Assert.DoesNotContain("Which side", without);
        Assert.Contains("Which side", withSide);
        Assert.Contains("Start with your less painful side.", withSide);
    }

    [Fact]
    public void StretchCardDataFillsEveryFieldOfTheStretchCard()
    {
        var data = new StretchCardData(
            "cat-cow", "Cat-cow", "http://localhost:3978/images/stretches/cat-cow.png", "On hands and knees, back rounded",
            "Round your back up", "Let it dip", "Kneel on all fours.", ["Round your back.", "Let it sag gently."], "Ten slow rounds", "You said mornings are stiff.",
            "Most people who can kneel.", ["Stop if it hurts."], "Both sides alike.", "Moving through the range loosens the joints.");

        var card = new CardLibrary().Expand(StretchCardData.TemplateName, data).ToJsonString();

        Assert.DoesNotContain("${", card);
        foreach (var text in new[] { "Cat-cow", "cat-cow.png", "On hands and knees, back rounded", "Round your back up", "Let it dip", "Kneel on all fours.", "Step 2: Let it sag gently.",
            "Ten slow rounds", "You said mornings are stiff.", "Most people who can kneel.", "Stop if it hurts.", "Both sides alike.", "Moving through the range loosens the joints." })
        {
            Assert.Contains(text, card);
        }
    }

    /// <summary>
    /// "Who it suits", "Why it works" and "Take care" are one tap away. They use Action.ShowCard, which Teams and Web Chat
    /// both show inline; Web Chat 4.18 logs a console error for every Action.ToggleVisibility.
    /// </summary>
    [Fact]
    public void WhoItSuitsWhyItWorksAndTakeCareAreOneTapAway()
    {
        var card = new CardLibrary().Expand("stretch", CobraData);

        var shown = card["body"]!.ToJsonString();
        var actions = card["actions"]!.AsArray().ToDictionary(a => (string)a!["title"]!, a => a!);
        Assert.Equal(["Who it suits", "Why it works", "Take care"], actions.Keys);
        Assert.All(actions.Values, a => Assert.Equal("Action.ShowCard", (string?)a["type"]));
        Assert.Contains("It arches the back gently.", actions["Why it works"]["card"]!.ToJsonString());
        Assert.DoesNotContain("It arches the back gently.", shown);
        Assert.DoesNotContain("ToggleVisibility", card.ToJsonString());
    }

    [Fact]
    public void AnUnknownTemplateIsAClearError()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => new CardLibrary().Render("no-such-card", new { }));
        Assert.Contains("no-such-card", ex.Message);
        Assert.Contains("stretch", ex.Message);
    }

    [Fact]
    public void ListsTheEmbeddedTemplatesByName()
        => Assert.Contains("stretch", new CardLibrary().TemplateNames);

    [Fact]
    public void ReadsTemplatesOnlyFromTheAssemblyNeverFromFiles()
    {
        // The test assembly embeds no cards; cards/stretch.json exists on disk (and under the working directory of
        // a run from the repository), yet a library over this assembly must not find it.
        Assert.True(File.Exists(RepositoryFiles.TemplatePath("stretch")));
        var library = new CardLibrary(typeof(CardLibraryTests).Assembly);

        Assert.Empty(library.TemplateNames);
        Assert.Throws<KeyNotFoundException>(() => library.Render("stretch", CobraData));
    }

    [Fact]
    public void ParsesEachTemplateOnceEvenWhenAskedConcurrently()
    {
        var library = new CardLibrary();
        var templates = new CardTemplate?[4];
        using var start = new Barrier(templates.Length);
        var threads = Enumerable.Range(0, templates.Length).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            templates[i] = library.GetTemplate("stretch");
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.All(templates, t => Assert.Same(templates[0], t));
        Assert.NotNull(templates[0]);
        Assert.Same(templates[0], library.GetTemplate("stretch"));
    }

    [Fact]
    public void ConcurrentRendersOfOneTemplateGiveTheSameCard()
    {
        var library = new CardLibrary();
        var expected = library.Expand("stretch", CobraData).ToJsonString();
        var cards = new string?[4];
        using var start = new Barrier(cards.Length);
        var threads = Enumerable.Range(0, cards.Length).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            cards[i] = library.Expand("stretch", CobraData).ToJsonString();
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.All(cards, c => Assert.Equal(expected, c));
    }

    private static string JsonSerializerWeb(object value)
        => System.Text.Json.JsonSerializer.Serialize(value, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));
}
