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

    [Theory]
    [InlineData("channelId")]
    [InlineData("from.id")]
    [InlineData("conversation.id")]
    [InlineData("serviceUrl")]
    public async Task AnActivityMissingAnEssentialFieldGetsA400ThatNamesIt(string field)
    {
        var activity = TestActivities.Message("filter-missing", "hello");
        activity.SelectToken(field)!.Parent!.Remove();

        using var response = await _client.PostAsync(activity);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, $"\"{field}\"");
        await AssertNothingStoredAsync("filter-missing");
    }

    [Theory]
    [InlineData("42")]
    [InlineData("[\"expectReplies\"]")]
    [InlineData("{\"mode\":\"expectReplies\"}")]
    [InlineData("true")]
    public async Task AWrongTypedDeliveryModeGetsA400(string deliveryMode)
    {
        var activity = TestActivities.Message("filter-mode", "hello");
        activity["deliveryMode"] = JToken.Parse(deliveryMode);

        using var response = await _client.PostAsync(activity);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "\"deliveryMode\" must be a string");
        await AssertNothingStoredAsync("filter-mode");
    }

    [Theory]
    [InlineData("conversation.id")]
    [InlineData("from.id")]
    [InlineData("id")]
    [InlineData("recipient.id")]
    [InlineData("replyToId")]
    public async Task AnIdOfAHundredThousandCharactersGetsA400(string field)
    {
        using var factory = new StretchBotHostFactory();
        using var client = factory.CreateClient();
        var activity = TestActivities.Message("filter-huge", "hello");
        var (parent, name) = field.Contains('.') ? ((JObject)activity[field.Split('.')[0]]!, field.Split('.')[1]) : (activity, field);
        parent[name] = new string('x', 100_000);

        using var response = await client.PostAsync(activity);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, $"\"{field}\" is longer than 1024 characters");
        Assert.Empty(await factory.Storage.ReadAsync([TestActivities.ConversationStateKey("filter-huge")]));
    }

    [Fact]
    public async Task ABodyThatIsNotUtf8GetsA400()
    {
        var text = Encoding.UTF8.GetBytes(TestActivities.Message("filter-utf8", "hello").ToString(Newtonsoft.Json.Formatting.None));
        var at = Array.IndexOf(text, (byte)'h');
        byte[] body = [.. text[..at], 0xC3, 0x28, 0xFF, .. text[at..]];

        using var response = await _client.PostAsync("/api/messages", Bytes(body));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "not UTF-8");
        await AssertNothingStoredAsync("filter-utf8");
    }

    [Fact]
    public async Task AByteOrderMarkGetsA400()
    {
        var body = Encoding.UTF8.GetBytes(TestActivities.Message("filter-bom", "hello").ToString());

        using var response = await _client.PostAsync("/api/messages", Bytes([0xEF, 0xBB, 0xBF, .. body]));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "byte-order mark");
        await AssertNothingStoredAsync("filter-bom");
    }

    [Theory]
    [InlineData("NaN", "NaN or Infinity")]
    [InlineData("Infinity", "NaN or Infinity")]
    [InlineData("-Infinity", "NaN or Infinity")]
    [InlineData("1e999", "too large")]
    public async Task NonFiniteNumbersGetA400(string number, string detail)
    {
        var body = TestActivities.Message("filter-nan", "hello").ToString(Newtonsoft.Json.Formatting.None)
            .Replace("\"text\":\"hello\"", "\"text\":\"hello\",\"value\":{\"number\":" + number + "}", StringComparison.Ordinal);

        using var response = await _client.PostAsync("/api/messages", TestActivities.Json(body));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, detail);
        await AssertNothingStoredAsync("filter-nan");
    }

    [Fact]
    public async Task ARepeatedPropertyNameGetsA400()
    {
        var body = TestActivities.Message("filter-dup", "hello").ToString(Newtonsoft.Json.Formatting.None)
            .Replace("{\"type\":\"message\"", "{\"type\":\"message\",\"type\":\"invoke\"", StringComparison.Ordinal);

        using var response = await _client.PostAsync("/api/messages", TestActivities.Json(body));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "repeats the property \"type\"");
        await AssertNothingStoredAsync("filter-dup");
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("http://169.254.169.254/latest/")]
    [InlineData("http://10.0.0.8:3978/")]
    [InlineData("ftp://127.0.0.1/")]
    public async Task WithAuthenticationOffTheBotRepliesOnlyToThisMachine(string serviceUrl)
    {
        var activity = TestActivities.Message("filter-relay", "hello", expectReplies: false);
        activity["serviceUrl"] = serviceUrl;

        using var response = await _client.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = JObject.Parse(await response.Content.ReadAsStringAsync()).Value<string>("detail");
        Assert.Contains(serviceUrl.StartsWith("ftp", StringComparison.Ordinal) ? "http or https" : "Bot:AllowedServiceUrls", detail);
        await AssertNothingStoredAsync("filter-relay");
    }

    [Theory]
    [InlineData("http://localhost:3978/")]
    [InlineData("http://127.0.0.1:51234/")]
    [InlineData("http://[::1]:3978/")]
    [InlineData("https://tunnel.example.test/emulator/")]
    public async Task WithAuthenticationOffLoopbackAndAllowListedAddressesAreServed(string serviceUrl)
    {
        using var factory = new StretchBotHostFactory(new Dictionary<string, string?> { ["Bot:AllowedServiceUrls:0"] = "https://tunnel.example.test/emulator" });
        using var client = factory.CreateClient();
        var activity = TestActivities.MembersAdded("filter-allowed");
        activity["serviceUrl"] = serviceUrl;

        using var response = await client.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not a doctor", Assert.Single(await response.ReplyTextsAsync()));
    }

    [Theory]
    [InlineData("http://127.0.0.1:3978/directline-connector/")]
    [InlineData("http://localhost/DirectLine-Connector/v3/")]
    public async Task TheBotsOwnDirectLineConnectorIsNeverAReplyAddress(string serviceUrl)
    {
        var activity = TestActivities.Message("filter-connector", "hello", expectReplies: false);
        activity["serviceUrl"] = serviceUrl;

        using var response = await _client.PostAsync(activity);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "Direct Line connector");
        await AssertNothingStoredAsync("filter-connector");
    }

    private static ByteArrayContent Bytes(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private async Task AssertNothingStoredAsync(string conversationId) =>
        Assert.Empty(await _factory.Storage.ReadAsync([TestActivities.ConversationStateKey(conversationId)]));

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detailContains)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(detailContains, problem.Value<string>("detail"));
    }
}
