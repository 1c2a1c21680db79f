using System.Net;
using Microsoft.Bot.Schema;

namespace StretchBot.DirectLine;

/// <summary>
/// The Bot Connector REST calls the adapter makes for local Direct Line conversations (the activities' serviceUrl
/// points here): send to conversation, reply to activity and update activity (an answered card shown in place). Both replies within a turn and later proactive
/// messages land in the transcript. Access rule: when the bot has a Microsoft App Id (a deployed bot), only callers on
/// this machine (loopback) may post, since the serviceUrl is this instance's own loopback address; without an app id
/// (local development, authentication off as with the Emulator) any caller that knows a conversation id may.
/// </summary>
public static class DirectLineConnectorEndpoints
{
    private const int MaxBotActivityBytes = 1024 * 1024;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(ConnectorServiceUrl.ConnectorPath + "/v3/conversations/{conversationId}/activities");
        group.MapPost("/", (string conversationId, HttpContext context, DirectLineConversationService conversations, IConfiguration configuration, CancellationToken cancellationToken)
            => ReceiveAsync(conversationId, null, context, conversations, configuration, cancellationToken));
        group.MapPost("/{activityId}", (string conversationId, string activityId, HttpContext context, DirectLineConversationService conversations, IConfiguration configuration, CancellationToken cancellationToken)
            => ReceiveAsync(conversationId, activityId, context, conversations, configuration, cancellationToken));
        group.MapPut("/{activityId}", (string conversationId, string activityId, HttpContext context, DirectLineConversationService conversations, IConfiguration configuration, CancellationToken cancellationToken)
            => ReceiveAsync(conversationId, activityId, context, conversations, configuration, cancellationToken, update: true));
    }

    private static async Task<IResult> ReceiveAsync(string conversationId, string? activityId, HttpContext context, DirectLineConversationService conversations, IConfiguration configuration, CancellationToken cancellationToken, bool update = false)
    {
        if (!string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]) && !IsLoopback(context.Connection.RemoteIpAddress))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

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

        var id = update
            ? await conversations.UpdateFromBotAsync(conversationId, activityId!, activity, cancellationToken)
            : await conversations.RecordFromBotAsync(conversationId, activity, activityId, cancellationToken);
        return id is null
            ? Results.NotFound(new ErrorResponse(new Error(update ? "ActivityNotFound" : "ConversationNotFound", update ? "Unknown activity." : "Unknown conversation.")))
            : Results.Json(new ResourceResponse(id));
    }

    private static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address);
}
