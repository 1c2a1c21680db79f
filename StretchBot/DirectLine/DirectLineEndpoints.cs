using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace StretchBot.DirectLine;

/// <summary>
/// The Direct Line 3.0 subset Web Chat (botframework-directlinejs, streaming or polling) calls, under /v3/directline, plus the
/// page's own token endpoint POST /api/directline/token. Every conversation call needs "Authorization: Bearer
/// {token}" for that very conversation: a missing, forged, expired or other conversation's token gets 403; a
/// conversation that does not (or no longer) exist gets 404.
/// </summary>
public static class DirectLineEndpoints
{
    public const string BasePath = "/v3/directline";
    public const string PageTokenPath = "/api/directline/token";

    /// <summary>The rate limit on starting conversations (see <see cref="DirectLineOptions.TokenRequestsPerMinute"/>).</summary>
    public const string TokenRateLimitPolicy = "directline-tokens";

    public static void Map(IEndpointRouteBuilder endpoints, bool local)
    {
        endpoints.MapPost(PageTokenPath, PageTokenAsync).RequireRateLimiting(TokenRateLimitPolicy);
        if (!local)
        {
            return;
        }

        var group = endpoints.MapGroup(BasePath);
        group.MapPost("/tokens/generate", GenerateAsync).RequireRateLimiting(TokenRateLimitPolicy);
        group.MapPost("/tokens/refresh", RefreshAsync);
        group.MapPost("/conversations", StartAsync);
        group.MapGet("/conversations/{conversationId}", ReconnectAsync);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        DirectLineStream.Map(group);
    }

    private static async Task<IResult> PageTokenAsync(HttpContext context, IOptions<DirectLineOptions> options, IServiceProvider services, CancellationToken cancellationToken)
    {
        PageTokenRequest? request = null;
        var body = await BodyReader.ReadLimitedAsync(context.Request, 4096, cancellationToken);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (!string.IsNullOrWhiteSpace(body))
        {
            try
            {
                request = JsonSerializer.Deserialize<PageTokenRequest>(body);
            }
            catch (JsonException)
            {
                return Results.BadRequest(new { error = "The body must be {} or {\"resume\": \"...\"}." });
            }
        }

        if (options.Value.Mode == DirectLineMode.Azure)
        {
            var azure = services.GetRequiredService<AzureDirectLineTokenClient>();
            var userId = "dl_" + Guid.NewGuid().ToString("N");
            var generated = await azure.GenerateAsync(userId, cancellationToken);
            return generated is null
                ? Results.Problem("The chat service is not available right now.", statusCode: StatusCodes.Status502BadGateway)
                : Results.Json(new PageTokenResponse("azure", options.Value.AzureEndpoint, generated.ConversationId, userId, generated.Token, generated.ExpiresIn, null, false, WebSocket: true));
        }

        var tokens = services.GetRequiredService<DirectLineTokenService>();
        var conversations = services.GetRequiredService<DirectLineConversationService>();
        DirectLineConversation? conversation = null;
        if (!string.IsNullOrEmpty(request?.Resume)
            && await tokens.ValidateAsync(request.Resume, DirectLineTokenKind.Resume, cancellationToken) is { } ticket)
        {
            conversation = await conversations.FindAsync(ticket.ConversationId, cancellationToken);
            if (conversation is not null && conversation.UserId != ticket.UserId)
            {
                conversation = null;
            }
        }

        var resumed = conversation is not null;
        conversation ??= await conversations.CreateAsync(cancellationToken);
        var token = await tokens.IssueTokenAsync(conversation.ConversationId, conversation.UserId, cancellationToken);
        var resume = await tokens.IssueResumeTicketAsync(conversation.ConversationId, conversation.UserId, cancellationToken);
        return Results.Json(new PageTokenResponse("local", BasePath, conversation.ConversationId, conversation.UserId, token, ExpiresIn(tokens), resume, resumed, options.Value.WebSocket));
    }

    private static async Task<IResult> GenerateAsync(DirectLineTokenService tokens, DirectLineConversationService conversations, CancellationToken cancellationToken)
    {
        var conversation = await conversations.CreateAsync(cancellationToken);
        var token = await tokens.IssueTokenAsync(conversation.ConversationId, conversation.UserId, cancellationToken);
        return Results.Json(new DirectLineConversationResponse(conversation.ConversationId, token, ExpiresIn(tokens)));
    }

    private static async Task<IResult> RefreshAsync(HttpContext context, DirectLineTokenService tokens, DirectLineConversationService conversations, CancellationToken cancellationToken)
    {
        var claims = await tokens.ValidateAsync(BearerToken(context.Request), DirectLineTokenKind.Token, cancellationToken);
        if (claims is null)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (await conversations.FindAsync(claims.ConversationId, cancellationToken) is null)
        {
            return Results.NotFound();
        }

        var token = await tokens.IssueTokenAsync(claims.ConversationId, claims.UserId, cancellationToken);
        return Results.Json(new DirectLineConversationResponse(claims.ConversationId, token, ExpiresIn(tokens)));
    }

    private static async Task<IResult> StartAsync(HttpContext context, DirectLineTokenService tokens, DirectLineConversationService conversations, ConnectorServiceUrl serviceUrl, CancellationToken cancellationToken)
    {
        var token = BearerToken(context.Request);
        var claims = await tokens.ValidateAsync(token, DirectLineTokenKind.Token, cancellationToken);
        if (claims is null)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var conversation = await conversations.FindAsync(claims.ConversationId, cancellationToken);
        if (conversation is null || conversation.UserId != claims.UserId)
        {
            return Results.NotFound();
        }

        await conversations.EnsureStartedAsync(conversation, serviceUrl.For(context.Request), cancellationToken);
        var streamUrl = await DirectLineStream.UrlAsync(context.Request, conversation, 0, tokens, cancellationToken);
        return Results.Json(new DirectLineConversationResponse(conversation.ConversationId, token!, ExpiresIn(tokens), streamUrl), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ReconnectAsync(string conversationId, HttpContext context, DirectLineTokenService tokens, DirectLineConversationService conversations, ConnectorServiceUrl serviceUrl, CancellationToken cancellationToken)
    {
        var access = await AuthorizeAsync(conversationId, context, tokens, conversations, cancellationToken);
        if (access.Failure is not null)
        {
            return access.Failure;
        }

        if (!TryReadWatermark(context.Request, out var watermark))
        {
            return BadWatermark();
        }

        await conversations.EnsureStartedAsync(access.Conversation!, serviceUrl.For(context.Request), cancellationToken);
        var streamUrl = await DirectLineStream.UrlAsync(context.Request, access.Conversation!, watermark, tokens, cancellationToken);
        return Results.Json(new DirectLineConversationResponse(conversationId, BearerToken(context.Request)!, ExpiresIn(tokens), streamUrl));
    }

    private static async Task<IResult> PostActivityAsync(string conversationId, HttpContext context, DirectLineTokenService tokens, DirectLineConversationService conversations, ConnectorServiceUrl serviceUrl, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        var access = await AuthorizeAsync(conversationId, context, tokens, conversations, cancellationToken);
        if (access.Failure is not null)
        {
            return access.Failure;
        }

        var body = await BodyReader.ReadLimitedAsync(context.Request, options.Value.MaxActivityBytes, cancellationToken);
        if (body is null)
        {
            return Results.Problem("The activity is too large.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var json = ActivityJson.ParseObject(body);
        if (json is null)
        {
            return Results.BadRequest(new { error = new { code = "BadArgument", message = "The body must be an activity (a JSON object)." } });
        }

        string? id;
        try
        {
            id = await conversations.PostFromUserAsync(access.Conversation!, json, serviceUrl.For(context.Request), cancellationToken);
        }
        catch (ArgumentException exception)
        {
            return Results.BadRequest(new { error = new { code = "BadArgument", message = exception.Message } });
        }

        return id is null ? Results.NotFound() : Results.Json(new { id });
    }

    private static async Task<IResult> GetActivitiesAsync(string conversationId, HttpContext context, ITranscriptStore store, DirectLineTokenService tokens, DirectLineConversationService conversations, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        var access = await AuthorizeAsync(conversationId, context, tokens, conversations, cancellationToken);
        if (access.Failure is not null)
        {
            return access.Failure;
        }

        if (!TryReadWatermark(context.Request, out var watermark))
        {
            return BadWatermark();
        }

        var page = await store.GetActivitiesAsync(conversationId, watermark, options.Value.MaxActivitiesPerPage, cancellationToken);
        return Results.Content(ActivitySet(conversationId, page), "application/json", Encoding.UTF8);
    }

    /// <summary>
    /// The request's watermark: absent or empty (Web Chat's first reconnect sends an empty one) is 0, from the start;
    /// otherwise a number this service gave out. False for anything else.
    /// </summary>
    public static bool TryReadWatermark(HttpRequest request, out long watermark)
    {
        watermark = 0;
        var text = request.Query["watermark"].ToString();
        return string.IsNullOrEmpty(text)
            || (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out watermark) && watermark >= 0);
    }

    /// <summary>A Direct Line activity set: the page's activities (each with its place) and the watermark to ask from next.</summary>
    public static string ActivitySet(string conversationId, TranscriptPage page)
    {
        var json = new StringBuilder("{\"activities\":[");
        json.AppendJoin(',', page.Activities.Select(a => WithPlace(conversationId, a)));
        json.Append("],\"watermark\":\"").Append(page.Watermark.ToString(CultureInfo.InvariantCulture)).Append("\"}");
        return json.ToString();
    }

    private static IResult BadWatermark()
        => Results.BadRequest(new { error = new { code = "BadArgument", message = "The watermark is not one this service gave out." } });

    /// <summary>
    /// Adds the activity's place in the transcript as Web Chat's channelData "webchat:sequence-id", so a replaced
    /// activity (an answered card) takes its original's place rather than moving to the end.
    /// </summary>
    private static string WithPlace(string conversationId, string activityJson)
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(activityJson)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        var activity = Newtonsoft.Json.Linq.JObject.Load(reader);
        if (DirectLineConversationService.SequenceOf(conversationId, (string?)activity["id"]) is not { } seq)
        {
            return activityJson;
        }

        var channelData = activity["channelData"] as Newtonsoft.Json.Linq.JObject ?? new Newtonsoft.Json.Linq.JObject();
        channelData["webchat:sequence-id"] = seq;
        activity["channelData"] = channelData;
        return activity.ToString(Newtonsoft.Json.Formatting.None);
    }

    private static async Task<Access> AuthorizeAsync(string conversationId, HttpContext context, DirectLineTokenService tokens, DirectLineConversationService conversations, CancellationToken cancellationToken)
    {
        var claims = await tokens.ValidateAsync(BearerToken(context.Request), DirectLineTokenKind.Token, cancellationToken);
        if (claims is null || !string.Equals(claims.ConversationId, conversationId, StringComparison.Ordinal))
        {
            return new Access(null, Results.StatusCode(StatusCodes.Status403Forbidden));
        }

        var conversation = await conversations.FindAsync(conversationId, cancellationToken);
        return conversation is null || conversation.UserId != claims.UserId
            ? new Access(null, Results.NotFound())
            : new Access(conversation, null);
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private static int ExpiresIn(DirectLineTokenService tokens) => (int)tokens.TokenLifetime.TotalSeconds;

    private sealed record Access(DirectLineConversation? Conversation, IResult? Failure);
}
