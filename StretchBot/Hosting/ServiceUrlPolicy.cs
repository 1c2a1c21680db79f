using System.Net;
using Microsoft.Extensions.Options;
using StretchBot.DirectLine;

namespace StretchBot.Hosting;

/// <summary>
/// Where the bot may send replies for an activity that came in on /api/messages (its serviceUrl). With authentication
/// on, the channel's signed token vouches for the serviceUrl. With authentication off (no app id, local development),
/// nothing does, so the bot replies only to this machine (loopback) or to a base URL on
/// <see cref="BotHostOptions.AllowedServiceUrls"/>: it never becomes an open relay for outbound requests. In every case
/// the serviceUrl must be http(s), and may not be the local Direct Line's connector (only the bot itself posts there).
/// </summary>
public sealed class ServiceUrlPolicy
{
    private readonly IOptions<BotHostOptions> _options;

    public ServiceUrlPolicy(IOptions<BotHostOptions> options, IConfiguration configuration)
    {
        _options = options;
        // Read once: the configuration's indexer takes a lock, and this is asked on every request.
        AuthenticationDisabled = string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);
    }

    /// <summary>No app id: the Bot Framework's authentication is off (local development, the Emulator).</summary>
    public bool AuthenticationDisabled { get; }

    /// <summary>Why the bot must not reply to <paramref name="serviceUrl"/>, or null when it may.</summary>
    public string? Refusal(Uri serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        if (serviceUrl.Scheme != Uri.UriSchemeHttp && serviceUrl.Scheme != Uri.UriSchemeHttps)
        {
            return "The \"serviceUrl\" must be an http or https address.";
        }

        if (serviceUrl.AbsolutePath.StartsWith(ConnectorServiceUrl.ConnectorPath, StringComparison.OrdinalIgnoreCase))
        {
            return "The \"serviceUrl\" may not be the bot's own Direct Line connector.";
        }

        if (!AuthenticationDisabled || IsLoopback(serviceUrl) || _options.Value.AllowedServiceUrls.Any(allowed => IsUnder(serviceUrl, allowed)))
        {
            return null;
        }

        return $"With authentication off (no MicrosoftAppId), the bot replies only to a \"serviceUrl\" on this machine (localhost) "
            + $"or listed in Bot:AllowedServiceUrls; {serviceUrl.Scheme}://{serviceUrl.Authority} is neither.";
    }

    /// <summary>localhost, or an IP address on the loopback interface (127.0.0.0/8, ::1). Names are never resolved.</summary>
    public static bool IsLoopback(Uri uri) =>
        string.Equals(uri.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(uri.IdnHost, out var address) && IPAddress.IsLoopback(address));

    private static bool IsUnder(Uri serviceUrl, string allowed)
    {
        if (!Uri.TryCreate(allowed, UriKind.Absolute, out var baseUrl))
        {
            return false;
        }

        var basePath = baseUrl.AbsolutePath.EndsWith('/') ? baseUrl.AbsolutePath : baseUrl.AbsolutePath + "/";
        var path = serviceUrl.AbsolutePath.EndsWith('/') ? serviceUrl.AbsolutePath : serviceUrl.AbsolutePath + "/";
        return string.Equals(serviceUrl.Scheme, baseUrl.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(serviceUrl.IdnHost, baseUrl.IdnHost, StringComparison.OrdinalIgnoreCase)
            && serviceUrl.Port == baseUrl.Port
            && path.StartsWith(basePath, StringComparison.OrdinalIgnoreCase);
    }
}
