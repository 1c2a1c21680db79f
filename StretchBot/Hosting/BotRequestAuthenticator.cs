using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace StretchBot.Hosting;

/// <summary>
/// Checks an incoming activity's bearer token with the Bot Framework's own validation (BotFrameworkAuthentication) and
/// turns every way that can fail into an answer: a missing, malformed, forged, expired, unsigned, wrong-audience or
/// wrong-issuer token is refused (401); a sign-in service that cannot be reached for its OpenID metadata or keys makes
/// the bot unavailable (503). Left alone, the SDK lets some of these escape as exceptions (a 500, with the exception
/// text on the developer page) and logs a stack trace for each refusal; here each is one rate-limited warning.
/// </summary>
public sealed class BotRequestAuthenticator
{
    private const string Endpoint = "/api/messages";

    private readonly BotFrameworkAuthentication _authentication;
    private readonly RefusalLog _refusals;

    public BotRequestAuthenticator(BotFrameworkAuthentication authentication, RefusalLog refusals)
    {
        _authentication = authentication;
        _refusals = refusals;
    }

    /// <summary>The outcome: the authentication result when accepted, else the status to answer with.</summary>
    public sealed record Outcome(AuthenticateRequestResult? Result, int StatusCode);

    public async Task<Outcome> AuthenticateAsync(Activity activity, string? authorizationHeader, CancellationToken cancellationToken)
    {
        try
        {
            var result = await _authentication.AuthenticateRequestAsync(activity, authorizationHeader, cancellationToken).ConfigureAwait(false);
            return new Outcome(result, StatusCodes.Status200OK);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (IsSignInServiceUnreachable(ex))
        {
            _refusals.Refused(Endpoint, StatusCodes.Status503ServiceUnavailable, $"the sign-in service's OpenID metadata could not be fetched ({ex.GetType().Name})");
            return new Outcome(null, StatusCodes.Status503ServiceUnavailable);
        }
        catch (Exception ex)
        {
            // Fail closed: whatever the validation could not accept is not authenticated.
            _refusals.Refused(Endpoint, StatusCodes.Status401Unauthorized, $"the bearer token was missing or not valid ({ex.GetType().Name})");
            return new Outcome(null, StatusCodes.Status401Unauthorized);
        }
    }

    /// <summary>
    /// IdentityModel reports a metadata or key document it could not retrieve as IDX2080x (IDX20803 "Unable to obtain
    /// configuration", IDX20804 "Unable to retrieve document"), the endorsements fetch as an HTTP failure.
    /// </summary>
    private static bool IsSignInServiceUnreachable(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is HttpRequestException or System.Net.Sockets.SocketException or TimeoutException
                || current.Message.StartsWith("IDX2080", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
