using System.Collections.Concurrent;
using System.Net;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using StretchBot.Tests.DirectLine;

namespace StretchBot.Tests.TestSupport;

/// <summary>
/// Stands in for Teams' Bot Connector at the activities' serviceUrl: records what the bot sends (replies and
/// proactive messages) and answers like the connector does (a ResourceResponse with an id).
/// </summary>
public sealed class FakeTeamsConnector
{
    public const string Host = "smba.trafficmanager.test";
    public const string ServiceUrl = "https://" + Host + "/emea/";

    private int _next;

    public FakeTeamsConnector()
    {
        Handler = new RecordingHandler((request, body) =>
        {
            if (request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.Contains("/v3/conversations/", StringComparison.Ordinal))
            {
                var activity = JsonConvert.DeserializeObject<Activity>(body)!;
                Sent.Enqueue(new SentActivity(request.RequestUri!.AbsolutePath, activity));
                return RecordingHandler.Json(HttpStatusCode.OK, $$"""{"id":"1:{{Interlocked.Increment(ref _next)}}"}""");
            }

            // UpdateActivity: PUT /v3/conversations/{id}/activities/{activityId}, as Teams does for a card updated in place.
            if (request.Method == HttpMethod.Put && request.RequestUri!.AbsolutePath.Contains("/activities/", StringComparison.Ordinal))
            {
                var activity = JsonConvert.DeserializeObject<Activity>(body)!;
                var activityId = Uri.UnescapeDataString(request.RequestUri.AbsolutePath[(request.RequestUri.AbsolutePath.LastIndexOf('/') + 1)..]);
                Updated.Enqueue(new UpdatedActivity(activityId, activity));
                return RecordingHandler.Json(HttpStatusCode.OK, $$"""{"id":"{{activityId}}"}""");
            }

            return new HttpResponseMessage(HttpStatusCode.NotFound);
        });
    }

    public RecordingHandler Handler { get; }

    public ConcurrentQueue<SentActivity> Sent { get; } = new();

    /// <summary>Activities the bot updated in place, with the id in the request's path.</summary>
    public ConcurrentQueue<UpdatedActivity> Updated { get; } = new();

    public IEnumerable<Activity> Messages => Sent.Select(s => s.Activity).Where(a => a.Type == ActivityTypes.Message);

    public sealed record SentActivity(string Path, Activity Activity);

    public sealed record UpdatedActivity(string ActivityId, Activity Activity);
}
