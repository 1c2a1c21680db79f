using Microsoft.Bot.Schema;
using StretchBot.Hosting;

namespace StretchBot.DirectLine;

/// <summary>
/// The Bot Connector REST calls the adapter makes for local Direct Line conversations (the activities' serviceUrl
/// points here): send to conversation and reply to activity. Both replies within a turn and later proactive
/// messages land in the transcript. Access rule, with or without an app id: only the bot's own adapter may post, proven
/// by the <see cref="ConnectorSecret"/> it adds to these requests; anyone else gets 401 and nothing reaches a transcript.
/// </summary>
public static class DirectLineConnectorEndpoints
{
    private const int MaxBotActivityBytes = 1024 * 1024;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(ConnectorServiceUrl.ConnectorPath + "/v3/conversations/{conversationId}/activities");
        group.MapPost("/", (string conversationId, HttpContext context, CancellationToken cancellationToken)
            => ReceiveAsync(conversationId, null, context, cancellationToken));
        group.MapPost("/{activityId}", (string conversationId, string activityId, HttpContext context, CancellationToken cancellationToken)
            => ReceiveAsync(conversationId, activityId, context, cancellationToken));
    }

    private static async Task<IResult> ReceiveAsync(string conversationId, string? replyToId, HttpContext context, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        var secret = services.GetRequiredService<ConnectorSecret>();
        if (!await secret.IsValidAsync(context.Request.Headers[ConnectorSecret.HeaderName], cancellationToken))
        {
            services.GetRequiredService<RefusalLog>().Refused(ConnectorServiceUrl.ConnectorPath, StatusCodes.Status401Unauthorized, "the caller is not the bot's own adapter (connector key missing or wrong)");
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        var conversations = services.GetRequiredService<DirectLineConversationService>();

        var body = await BodyReader.ReadLimitedAsync(context.Request, MaxBotActivityBytes, cancellationToken);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var json = ActivityJson.ParseObject(body);
        var activity = json is null ? null : ActivityJson.ToActivity(json);
        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            return Results.BadRequest(new ErrorResponse(new Error("BadArgument", "The body must be an activity.")));
        }

        var id = await conversations.RecordFromBotAsync(conversationId, activity, replyToId, cancellationToken);
        return id is null
            ? Results.NotFound(new ErrorResponse(new Error("ConversationNotFound", "Unknown conversation.")))
            : Results.Json(new ResourceResponse(id));
    }
}
