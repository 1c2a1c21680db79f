using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace StretchBot.Tests.Hosting;

/// <summary>
/// Strict request checks on /api/messages (<see cref="StretchBot.Hosting.ActivityValidator"/>, through the real host):
/// each kind of bad body gets a 400 that says what is wrong, and nothing reaches the bot.
/// </summary>
public sealed class ActivityValidatorTests : IDisposable
{
    private readonly StretchBotHostFactory _factory = new();
    private readonly HttpClient _client;

    public ActivityValidatorTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
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
        var activity = TestActivities.Message("filter-huge", "hello");
        var (parent, name) = field.Contains('.') ? ((JObject)activity[field.Split('.')[0]]!, field.Split('.')[1]) : (activity, field);
        parent[name] = new string('x', 100_000);

        using var response = await _client.PostAsync(activity);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, $"\"{field}\" is longer than 1024 characters");
        await AssertNothingStoredAsync("filter-huge");
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
    [InlineData("escaped", "\"value\":{\"cardId\":\"a\",\"card\\u0049d\":\"b\"}", "cardId")]
    [InlineData("nested", "\"value\":{\"x\":[{\"choice\":1,\"other\":2,\"choice\":3}]}", "choice")]
    [InlineData("large", "\"value\":{LARGE,\"p7\":true}", "p7")]
    public async Task ARepeatedPropertyNameAnywhereGetsA400(string where, string value, string name)
    {
        var large = string.Join(',', Enumerable.Range(0, 40).Select(i => $"\"p{i}\":{i}"));
        var body = TestActivities.Message("filter-dup-" + where, "hello").ToString(Newtonsoft.Json.Formatting.None)
            .Replace("{\"type\":\"message\"", "{\"type\":\"message\"," + value.Replace("LARGE", large, StringComparison.Ordinal), StringComparison.Ordinal);

        using var response = await _client.PostAsync("/api/messages", TestActivities.Json(body));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, $"repeats the property \"{name}\"");
        await AssertNothingStoredAsync("filter-dup-" + where);
    }

    [Fact]
    public async Task NamesThatOnlyShareABeginningAreNotRepeats()
    {
        var body = TestActivities.Message("filter-near", "hello").ToString(Newtonsoft.Json.Formatting.None)
            .Replace("{\"type\":\"message\"", "{\"type\":\"message\",\"value\":{\"card\":1,\"cardId\":2,\"cardI\\u0064s\":3}", StringComparison.Ordinal);

        using var response = await _client.PostAsync("/api/messages", TestActivities.Json(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static ByteArrayContent Bytes(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detailContains) =>
        ActivityRequestFilterTests.AssertProblemAsync(response, status, detailContains);

    private async Task AssertNothingStoredAsync(string conversationId) =>
        Assert.Empty(await _factory.Storage.ReadAsync([TestActivities.ConversationStateKey(conversationId)]));
}
