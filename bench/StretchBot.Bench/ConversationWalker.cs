using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace StretchBot.Bench;

/// <summary>
/// Walks one conversation with a bot over HTTP, one POST /api/messages per turn with deliveryMode expectReplies, and
/// reports each turn's latency. For StretchBot it presses the buttons of the card it just got; for the echo bot it
/// sends the same kinds of activities (the start, card submits, one typed answer) without reading the replies.
/// </summary>
public sealed class ConversationWalker
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private readonly HttpClient _http;
    private readonly string _serviceUrl;

    public ConversationWalker(HttpClient http, string serviceUrl)
    {
        _http = http;
        _serviceUrl = serviceUrl;
    }

    /// <summary>Where the bot's proactive messages go (the fake connector).</summary>
    public string ServiceUrl => _serviceUrl;

    /// <summary>Called after every turn with its latency in ticks of <see cref="Stopwatch"/> and its start/end stamps.</summary>
    public delegate void TurnRecorder(long startTimestamp, long endTimestamp);

    /// <summary>Walks StretchBot from the welcome to the plan; returns the plan's replies.</summary>
    public async Task<BotReplies> WalkToPlanAsync(BenchUser user, TurnRecorder? record, CancellationToken cancellationToken, bool bookCheckIn = false)
    {
        var replies = await SendAsync(ActivityShapes.ConversationStart(user, _serviceUrl), record, cancellationToken);
        var steps = bookCheckIn ? ConversationScript.ToPlan.Append(ConversationScript.BookCheckIn) : ConversationScript.ToPlan;
        foreach (var step in steps)
        {
            replies = await StepAsync(user, replies, step, record, cancellationToken);
        }

        return replies;
    }

    /// <summary>The same number and kinds of turns against the echo bot.</summary>
    public async Task WalkEchoAsync(BenchUser user, TurnRecorder? record, CancellationToken cancellationToken)
    {
        await SendAsync(ActivityShapes.ConversationStart(user, _serviceUrl), record, cancellationToken);
        foreach (var step in ConversationScript.ToPlan)
        {
            var activity = step.Typed is not null
                ? ActivityShapes.Text(user, _serviceUrl, step.Typed)
                : ActivityShapes.Submit(user, _serviceUrl, new JsonObject { ["cardId"] = "question", ["value"] = step.Button, ["stamp"] = 1 });
            await SendAsync(activity, record, cancellationToken);
        }
    }

    public async Task<BotReplies> StepAsync(BenchUser user, BotReplies current, ScriptStep step, TurnRecorder? record, CancellationToken cancellationToken)
    {
        if (step.Typed is not null)
        {
            return await SendAsync(ActivityShapes.Text(user, _serviceUrl, step.Typed), record, cancellationToken);
        }

        var data = current.SubmitData(step.Button!, step.ButtonPrefix)
            ?? throw new BenchException($"No button \"{step.Button}\" on the bot's last reply (buttons: {string.Join(" | ", current.ButtonTitles())}).");
        if (step.Inputs is not null)
        {
            foreach (var (name, value) in step.Inputs)
            {
                data[name] = value?.DeepClone();
            }
        }

        return await SendAsync(ActivityShapes.Submit(user, _serviceUrl, data), record, cancellationToken);
    }

    public async Task<BotReplies> SendAsync(JsonObject activity, TurnRecorder? record, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(activity.ToJsonString()));
        content.Headers.ContentType = Json;
        var start = Stopwatch.GetTimestamp();
        using var response = await _http.PostAsync("api/messages", content, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var end = Stopwatch.GetTimestamp();
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchException($"POST /api/messages gave {(int)response.StatusCode}: {Truncate(Encoding.UTF8.GetString(body))}");
        }

        record?.Invoke(start, end);
        return new BotReplies(body);
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "...";
}

/// <summary>The bench could not do what it set out to do (a bot refused a turn, a button was missing).</summary>
public sealed class BenchException(string message) : Exception(message);
