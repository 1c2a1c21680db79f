using System.Net;
using SkiaSharp;
using StretchBot.Dialogs.Progress;
using StretchBot.Progress;

namespace StretchBot.Tests.Progress;

/// <summary>
/// What a physio and a card see over HTTP, on the real host and on every provider: the trend pictures served as PNG,
/// the shared summary behind a random token that says nothing about the person, and every way a link ends (its expiry on
/// the host's clock, "stop sharing", "delete my data", retention) with the same plain 404 as a guessed one.
/// </summary>
public abstract class ProgressEndpointsContract(TestDatabase database) : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0d, 0x0a, 0x1a, 0x0a];

    private readonly StretchBotAppFactory _host = OnDatabase(database);

    private protected TestDatabase Database { get; } = database;

    public void Dispose()
    {
        _host.Dispose();
        Database.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task TheSharedLinkOpensThePrintableSummaryAndCarriesNothingButARandomToken()
    {
        var person = await PersonWithAPlanAsync("ann", pain: "7");

        var link = await ShareAsync(person);
        using var page = await GetAsync(link);

        Assert.Matches(@"^https://stretchbot\.example/share/[A-Za-z0-9_-]{43}$", link);
        Assert.DoesNotContain(person.UserId, link, StringComparison.Ordinal);
        Assert.DoesNotContain(person.ConversationId, link, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-store", page.Headers.CacheControl!.ToString());
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(SharePage.Disclaimer), html, StringComparison.Ordinal);
        Assert.Contains("Pain trend, out of 10: one score so far, 7 on 2 Mar.", html, StringComparison.Ordinal);
        await AssertPngAsync(link + "/trend.png", ChartSize.Full);
    }

    [Fact]
    public async Task MyProgressPicturesAreServedAsPngsOfTheirSize()
    {
        var person = await PersonWithAPlanAsync("ann", pain: "4");

        var picture = (await person.SendAsync("my progress")).ProgressCards.Single().SelectToken("$..[?(@.type == 'Image')]")!;

        Assert.Equal("Pain trend, out of 10: one score so far, 4 on 2 Mar.", picture["altText"]!.ToString());
        await AssertPngAsync(picture["url"]!.ToString(), ChartSize.Full);
        await AssertPngAsync(picture["url"]!.ToString().Replace("/1.png", "/1-small.png", StringComparison.Ordinal), ChartSize.Small);
        await AssertNotFoundAsync(picture["url"]!.ToString().Replace("/1.png", "/2.png", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AHeadRequestIsAnsweredAsAGetWouldBe()
    {
        var person = await PersonWithAPlanAsync("ann", pain: "4");
        var picture = (await person.SendAsync("my progress")).ProgressCards.Single().SelectToken("$..[?(@.type == 'Image')]")!;
        var link = await ShareAsync(person);

        foreach (var (url, type) in new[] { (picture["url"]!.ToString(), "image/png"), (link, "text/html"), (link + "/trend.png", "image/png") })
        {
            using var head = await _host.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(url, UriKind.RelativeOrAbsolute).IsAbsoluteUri ? new Uri(url).PathAndQuery : url));
            Assert.True(head.StatusCode == HttpStatusCode.OK, $"HEAD {url}: {(int)head.StatusCode}");
            Assert.Equal(type, head.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task ALinkWorksForSevenDaysOnTheHostsClockAndThenNoMore()
    {
        var link = await ShareAsync(await PersonWithAPlanAsync("ann"));

        _host.Time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(link)).StatusCode);

        _host.Time.Advance(TimeSpan.FromSeconds(1));
        await AssertNotFoundAsync(link);
        await AssertNotFoundAsync(link + "/trend.png");
    }

    [Fact]
    public async Task HowLongALinkLastsIsASetting()
    {
        _host.With("Progress:ShareLinkLifetime", "2.00:00:00");
        var link = await ShareAsync(await PersonWithAPlanAsync("ann"));

        _host.Time.Advance(TimeSpan.FromDays(2) - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(link)).StatusCode);
        _host.Time.Advance(TimeSpan.FromSeconds(1));
        await AssertNotFoundAsync(link);
    }

    [Fact]
    public async Task StopSharingEndsTheLinkAndANewOneWorks()
    {
        var person = await PersonWithAPlanAsync("ann");
        var first = await ShareAsync(person);

        Assert.True((await person.SendAsync("stop sharing")).Mentions(ProgressSharing.StoppedMessage));
        await AssertNotFoundAsync(first);

        var second = await ShareAsync(person);
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(second)).StatusCode);
    }

    [Fact]
    public async Task AGuessedTamperedOrMalformedTokenOpensNothing()
    {
        var link = await ShareAsync(await PersonWithAPlanAsync("ann"));
        var token = link.Split('/')[^1];
        var tampered = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');

        foreach (var path in new[]
                 {
                     "/share/" + ProgressTokens.NewToken(), "/share/" + tampered, "/share/" + token + "A", "/share/" + token[..^1],
                     "/share/" + token.ToUpperInvariant(), "/share/..%2F..%2Fetc%2Fpasswd", "/share/" + ProgressTokens.Hash(token),
                     "/share/" + tampered + "/trend.png", "/progress/pictures/" + token + "/1.png", "/progress/pictures/" + ProgressTokens.NewToken() + "/1.png",
                     "/progress/pictures/x/1.png", "/progress/pictures/" + ProgressTokens.NewToken() + "/0.png",
                 })
        {
            await AssertNotFoundAsync(path);
        }
    }

    [Fact]
    public async Task APersonsLinkShowsOnlyTheirOwnSummaryAndOthersCannotEndIt()
    {
        var ann = await PersonWithAPlanAsync("ann", pain: "7");
        var bob = await PersonWithAPlanAsync("bob", pain: "3");
        var annLink = await ShareAsync(ann);
        var bobLink = await ShareAsync(bob);

        var annPage = await (await GetAsync(annLink)).Content.ReadAsStringAsync();
        var bobPage = await (await GetAsync(bobLink)).Content.ReadAsStringAsync();
        Assert.Contains("7 on 2 Mar", annPage, StringComparison.Ordinal);
        Assert.DoesNotContain("3 on 2 Mar", annPage, StringComparison.Ordinal);
        Assert.Contains("3 on 2 Mar", bobPage, StringComparison.Ordinal);

        // Bob stopping sharing and deleting his data leaves Ann's link alone.
        await bob.SendAsync("stop sharing");
        await bob.SendAsync("delete my data");
        await bob.ClickAsync("Yes, delete everything");
        await AssertNotFoundAsync(bobLink);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(annLink)).StatusCode);
    }

    [Fact]
    public async Task DeleteMyDataEndsEveryLinkAndEveryPicture()
    {
        var person = await PersonWithAPlanAsync("ann");
        var link = await ShareAsync(person);
        var picture = (await person.SendAsync("my progress")).ProgressCards.Single().SelectToken("$..[?(@.type == 'Image')].url")!.ToString();

        await person.SendAsync("delete my data");
        await person.ClickAsync("Yes, delete everything");

        await AssertNotFoundAsync(link);
        await AssertNotFoundAsync(link + "/trend.png");
        await AssertNotFoundAsync(picture);
        Assert.True((await person.SendAsync("my progress")).Mentions(ProgressCard.NothingYetMessage));
    }

    [Fact]
    public async Task RetentionEndsTheLinksAndPicturesOfSomeoneLongGone()
    {
        var person = await PersonWithAPlanAsync("ann");
        var picture = (await person.SendAsync("my progress")).ProgressCards.Single().SelectToken("$..[?(@.type == 'Image')].url")!.ToString();
        var store = (IProgressStore)_host.Services.GetService(typeof(IProgressStore))!;

        // Moving the clock on also wakes the host's own daily pass; this pass makes sure one has run.
        _host.Time.Advance(TimeSpan.FromDays(181));
        await ((ProgressRetentionService)_host.Services.GetService(typeof(ProgressRetentionService))!).PurgeAsync(CancellationToken.None);

        await AssertNotFoundAsync(picture);
        Assert.Null(await store.ReadAsync(person.ChannelId + "/" + person.UserId, CancellationToken.None));
    }

    [Fact]
    public async Task NoScoreAnswerTokenOrPictureKeyReachesTheLogsAtAnyLevel()
    {
        var person = await PersonWithAPlanAsync("ann", pain: "7");
        var picture = (await person.SendAsync("my progress")).ProgressCards.Single().SelectToken("$..[?(@.type == 'Image')]")!;
        var link = await ShareAsync(person);
        var page = await (await GetAsync(link)).Content.ReadAsStringAsync();
        await GetAsync(picture["url"]!.ToString());
        await GetAsync(link + "/trend.png");
        await person.SendAsync("stop sharing");

        // The host's own lines (framework request lines name paths, and are off below Warning in Production).
        var logs = string.Join("\n", _host.Logs!.Lines.Where(l => l.Contains(" StretchBot.", StringComparison.Ordinal) || !l.StartsWith("Debug", StringComparison.Ordinal) && !l.StartsWith("Trace", StringComparison.Ordinal) && !l.StartsWith("Information", StringComparison.Ordinal)));
        Assert.NotEmpty(_host.Logs.Lines);
        Assert.Contains("7 on 2 Mar", page, StringComparison.Ordinal);
        foreach (var secret in new[] { link.Split('/')[^1], picture["url"]!.ToString().Split('/')[^2], picture["altText"]!.ToString(), "7 / 10", "7 out of 10", "Lower back only", "6 to 12 weeks" })
        {
            Assert.DoesNotContain(secret, logs, StringComparison.OrdinalIgnoreCase);
        }
    }

    // A person on the host's channel who has walked to a plan (pain as given), one HTTP call per turn.
    private async Task<HttpConversationDriver> PersonWithAPlanAsync(string name, string pain = "4")
    {
        var driver = new HttpConversationDriver(_host.CreateClient(), "progress-" + name);
        await driver.SendAsync("hi");
        foreach (var (button, inputs) in JourneySteps.ToThePlan)
        {
            await driver.ClickAsync(button == "4" ? pain : button, inputs);
        }

        Assert.True(driver.Last.StretchCards.Count > 0, driver.Last.AllText);
        return driver;
    }

    private static StretchBotAppFactory OnDatabase(TestDatabase database)
    {
        var host = new StretchBotAppFactory().CaptureLogs();
        foreach (var (key, value) in database.HostSettings)
        {
            host.With(key, value);
        }

        host.With("Bot:PublicBaseUrl", "https://stretchbot.example").With("CheckIn:DispatcherEnabled", "false");
        return host;
    }

    private static async Task<string> ShareAsync(HttpConversationDriver person)
    {
        // The question the person was at comes back after the link's card.
        var replies = await person.SendAsync("share with my physio");
        var button = replies.Cards.SelectMany(c => c.SelectTokens("$.actions[?(@.type == 'Action.OpenUrl')].url")).SingleOrDefault();
        Assert.True(button is not null, replies.AllText);
        return button.ToString();
    }

    // The host answers for https://stretchbot.example (its public address): the test server takes the path.
    private Task<HttpResponseMessage> GetAsync(string url)
        => _host.CreateClient().GetAsync(new Uri(url, UriKind.RelativeOrAbsolute).IsAbsoluteUri ? new Uri(url).PathAndQuery : url);

    private async Task AssertNotFoundAsync(string url)
    {
        using var response = await GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
    }

    private async Task AssertPngAsync(string url, ChartSize size)
    {
        using var response = await GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(PngSignature, bytes[..8]);
        using var bitmap = SKBitmap.Decode(bytes);
        Assert.Equal((size.Width, size.Height), (bitmap.Width, bitmap.Height));
    }
}

public sealed class SqliteProgressEndpointsTests() : ProgressEndpointsContract(new SqliteTestDatabase());

public sealed class PostgresProgressEndpointsTests() : ProgressEndpointsContract(new PostgresTestDatabase());
