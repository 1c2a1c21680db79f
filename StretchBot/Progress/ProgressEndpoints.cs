using StretchBot.Dialogs.Plans;
using StretchBot.Dialogs.Progress;

namespace StretchBot.Progress;

/// <summary>
/// Serves progress over HTTP without an account: the trend pictures cards point to (a random per-user key and how many
/// scores the picture shows), and the physio's summary behind a share link with its own picture. Anything unknown,
/// malformed, expired or ended is a plain 404, the same for each.
/// </summary>
public static class ProgressEndpoints
{
    // No script at all, pictures and styles from this host only, never framed; the page's address carries the token.
    private const string SharePolicy = "default-src 'none'; img-src 'self' data:; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    // HEAD as well as GET, as for the stretch pictures: link checkers and some mail and chat clients ask with HEAD first.
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapProgress(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapMethods(ProgressAddresses.PicturesPath + "/{key}/{points:int}.png", GetOrHead, (HttpContext http, string key, int points, IProgressStore store) => PictureAsync(http, store, key, points, ChartSize.Full));
        endpoints.MapMethods(ProgressAddresses.PicturesPath + "/{key}/{points:int}-small.png", GetOrHead, (HttpContext http, string key, int points, IProgressStore store) => PictureAsync(http, store, key, points, ChartSize.Small));
        endpoints.MapMethods(ProgressAddresses.SharePath + "/{token}", GetOrHead, SharePageAsync);
        endpoints.MapMethods(ProgressAddresses.SharePath + "/{token}/trend.png", GetOrHead, SharePictureAsync);
        return endpoints;
    }

    private static async Task<IResult> PictureAsync(HttpContext http, IProgressStore store, string key, int points, ChartSize size)
    {
        var user = ProgressTokens.IsWellFormed(key) ? await store.UserForPictureKeyAsync(key, http.RequestAborted) : null;
        var stored = user is null ? null : await store.ReadAsync(user, http.RequestAborted);
        var scores = ProgressHistory.From(stored).PainPoints;
        if (stored is null || points < 1 || points > scores.Count)
        {
            return Results.NotFound();
        }

        // A picture shows the scores there were when its card was sent, so it never changes: it may be kept a while.
        http.Response.Headers.CacheControl = "private, max-age=86400";
        return Png(http, scores.Take(points).ToList(), stored.TimeZoneId, size);
    }

    private static async Task<IResult> SharePageAsync(HttpContext http, string token, ShareLinks links, IProgressStore store, SharePage page, TimeProvider time)
    {
        SetShareHeaders(http);
        var link = await links.OpenAsync(token, http.RequestAborted);
        if (link is null)
        {
            return Results.Content(SharePage.NotFound(), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }

        var history = ProgressHistory.From(await store.ReadAsync(link.UserKey, http.RequestAborted));
        return Results.Content(page.Render(history, link, ProgressAddresses.SharePicturePath(token), time.GetUtcNow()), "text/html; charset=utf-8");
    }

    private static async Task<IResult> SharePictureAsync(HttpContext http, string token, ShareLinks links, IProgressStore store)
    {
        SetShareHeaders(http);
        var link = await links.OpenAsync(token, http.RequestAborted);
        var scores = link is null ? [] : ProgressHistory.From(await store.ReadAsync(link.UserKey, http.RequestAborted)).PainPoints;
        return scores.Count == 0 ? Results.NotFound() : Png(http, scores, link!.TimeZoneId, ChartSize.Full);
    }

    private static IResult Png(HttpContext http, IReadOnlyList<PainPoint> scores, string? timeZoneId, ChartSize size)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(TrendChart.RenderPng(scores, UserTimeZone.Resolve(timeZoneId), size), "image/png");
    }

    // A summary holds health data: never cached, never indexed, and its address (the token) never sent on as a referrer.
    private static void SetShareHeaders(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        http.Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        http.Response.Headers.ContentSecurityPolicy = SharePolicy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.XFrameOptions = "DENY";
    }
}
