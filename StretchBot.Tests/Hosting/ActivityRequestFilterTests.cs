using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace StretchBot.Tests.Hosting;

public sealed class ActivityRequestFilterTests : IDisposable
{
    private const string Secret = "my sciatica flares when I sit";

    private readonly StretchBotHostFactory _factory = new(new Dictionary<string, string?> { ["Bot:MaxActivityBytes"] = "2048" });
    private readonly HttpClient _client;

    public ActivityRequestFilterTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task MalformedJsonGetsA400ThatSaysWhy()
    {
        using var response = await _client.PostAsync("/api/messages", TestActivities.Json("{ \"type\": \"message\", \"text\": "));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "not valid JSON");
    }

    [Fact]
    public async Task JsonThatIsNotAnObjectGetsA400()
    {
        using var response = await _client.PostAsync("/api/messages", TestActivities.Json("[1, 2, 3]"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "activity");
    }

    [Fact]
    public async Task AnActivityWithoutATypeGetsA400()
    {
        var activity = TestActivities.Message("filter-1", "hello");
        activity.Remove("type");

        using var response = await _client.PostAsync(activity);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "\"type\"");
    }

    [Fact]
    public async Task AnActivityWithoutAConversationGetsA400()
    {
        var activity = TestActivities.Message("filter-2", "hello");
        activity.Remove("conversation");

        using var response = await _client.PostAsync(activity);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "conversation.id");
    }

    [Fact]
    public async Task AFieldOfTheWrongShapeGetsA400()
    {
        var activity = TestActivities.Message("filter-3", "hello");
        activity["membersAdded"] = "everyone";

        using var response = await _client.PostAsync(activity);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "not a Bot Framework activity");
    }

    [Fact]
    public async Task DeeplyNestedJsonGetsA400()
    {
        var nested = new StringBuilder();
        for (var i = 0; i < 200; i++)
        {
            nested.Append("{\"a\":");
        }

        nested.Append('1').Append('}', 200);
        var body = TestActivities.Message("filter-4", "hello").ToString(Newtonsoft.Json.Formatting.None)
            .Replace("\"text\":\"hello\"", "\"text\":\"hello\",\"value\":" + nested, StringComparison.Ordinal);

        using var response = await _client.PostAsync("/api/messages", TestActivities.Json(body));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "not valid JSON");
    }

    [Fact]
    public async Task AnotherContentTypeGetsA415()
    {
        var body = TestActivities.Message("filter-5", "hello").ToString();

        using var response = await _client.PostAsync("/api/messages", TestActivities.Json(body, "text/plain"));

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "application/json");
    }

    [Fact]
    public async Task AnOversizedActivityGetsA413()
    {
        using var response = await _client.PostAsync(TestActivities.Message("filter-6", Secret + new string('!', 3000)));

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "2048 bytes");
        Assert.DoesNotContain(Secret, _factory.Logs.AllText);
    }

    [Fact]
    public async Task AnOversizedActivitySentWithoutALengthGetsA413()
    {
        var bytes = Encoding.UTF8.GetBytes(TestActivities.Message("filter-7", new string('!', 3000)).ToString());
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(bytes);
        await pipe.Writer.CompleteAsync();
        using var content = new StreamContent(pipe.Reader.AsStream());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await _client.PostAsync("/api/messages", content);

        Assert.Null(content.Headers.ContentLength);
        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "2048 bytes");
    }

    [Fact]
    public async Task ALargeActivitySentWithoutALengthReachesTheBotWhole()
    {
        using var factory = new StretchBotHostFactory(new Dictionary<string, string?> { ["Bot:MaxActivityBytes"] = "262144" });
        using var client = factory.CreateClient();
        var activity = TestActivities.MembersAdded("filter-10");
        activity["channelData"] = new JObject { ["padding"] = new string('p', 100_000) };
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes(activity.ToString()));
        await pipe.Writer.CompleteAsync();
        using var content = new StreamContent(pipe.Reader.AsStream());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync("/api/messages", content);

        Assert.Null(content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not a doctor", Assert.Single(await response.ReplyTextsAsync()));
    }

    [Fact]
    public async Task ABodyShorterThanItsStatedLengthGetsA400()
    {
        var bytes = Encoding.UTF8.GetBytes(TestActivities.MembersAdded("filter-11").ToString());
        using var content = new StreamContent(new MemoryStream(bytes, 0, bytes.Length / 2));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentLength = bytes.Length;

        using var response = await _client.PostAsync("/api/messages", content);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "not valid JSON");
    }

    [Fact]
    public async Task AnActivityWithinTheLimitReachesTheBot()
    {
        using var response = await _client.PostAsync(TestActivities.MembersAdded("filter-8"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not a doctor", Assert.Single(await response.ReplyTextsAsync()));
    }

    [Fact]
    public async Task RefusedBodiesAreNotLogged()
    {
        var activity = TestActivities.Message("filter-9", Secret);
        activity.Remove("type");

        using var response = await _client.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("400", _factory.Logs.AllText);
        Assert.DoesNotContain(Secret, _factory.Logs.AllText);
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detailContains)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(detailContains, problem.Value<string>("detail"));
    }
}
