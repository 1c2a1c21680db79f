using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace StretchBot.Tests.TestSupport;

/// <summary>
/// A stand-in for the Bot Framework's token service, on this machine only: it serves OpenID metadata and a JWKS with a
/// local RSA signing key over loopback HTTP, and mints tokens the way the Bot Connector does (iss
/// https://api.botframework.com, aud = the bot's app id, serviceurl claim), so authentication is tested offline
/// against the SDK's own validation. <see cref="BotSettings"/> points the bot at it.
/// </summary>
public sealed class LocalOpenIdProvider : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string KeyId = "local-test-key";

    private readonly WebApplication _app;
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RSA _stranger = RSA.Create(2048);

    private readonly TestCertificateAuthority? _authority;

    private LocalOpenIdProvider(bool https)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (https)
        {
            _authority = new TestCertificateAuthority();
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(_authority.ServerCertificate)));
        }
        else
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }

        _app = builder.Build();
        Map();
    }

    /// <summary>With HTTPS: a PEM file holding the certificate authority that signed the server's certificate (for SSL_CERT_FILE).</summary>
    public string? TrustFile => _authority?.RootPemFile;

    public string BaseUrl { get; private set; } = string.Empty;

    public string MetadataUrl => BaseUrl + "/v1/.well-known/openidconfiguration";

    /// <summary>How many times the metadata or the keys were fetched.</summary>
    public int Fetches { get; private set; }

    /// <summary>The settings that make the bot require tokens and validate them against this provider.</summary>
    public Dictionary<string, string?> BotSettings(string? metadataUrl = null) => new()
    {
        ["MicrosoftAppType"] = "MultiTenant",
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "not-a-real-secret",
        ["ToBotFromChannelOpenIdMetadataUrl"] = metadataUrl ?? MetadataUrl,
        ["ToBotFromEmulatorOpenIdMetadataUrl"] = metadataUrl ?? MetadataUrl,
        ["ToBotFromChannelTokenIssuer"] = Issuer,
        ["ToChannelFromBotOAuthScope"] = "https://api.botframework.com",
        ["ToChannelFromBotLoginUrl"] = "https://login.microsoftonline.com/botframework.com",
        ["OAuthUrl"] = "https://api.botframework.com",
        ["ValidateAuthority"] = "true",
    };

    /// <summary>
    /// Starts serving on a free loopback port. The Bot Framework SDK fetches metadata only over HTTPS (with the machine's
    /// trusted roots), so a host that should validate against this provider needs <paramref name="https"/> and
    /// SSL_CERT_FILE set to <see cref="TrustFile"/>; plain HTTP suits tests that only mint tokens.
    /// </summary>
    public static async Task<LocalOpenIdProvider> StartAsync(bool https = false)
    {
        var provider = new LocalOpenIdProvider(https);
        await provider._app.StartAsync();
        var addresses = provider._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        provider.BaseUrl = addresses.First().TrimEnd('/');
        return provider;
    }

    /// <summary>A token as the channel would sign it; each argument spoils one property of it.</summary>
    public string Token(
        string serviceUrl,
        string audience = AppId,
        string issuer = Issuer,
        DateTime? expires = null,
        bool signWithStranger = false,
        string algorithm = SecurityAlgorithms.RsaSha256,
        DateTime? notBefore = null)
    {
        var now = DateTime.UtcNow;
        notBefore ??= expires is { } e && e < now ? e.AddMinutes(-30) : now.AddMinutes(-1);
        var key = new RsaSecurityKey(signWithStranger ? _stranger : _rsa) { KeyId = KeyId };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore,
            IssuedAt = notBefore,
            Expires = expires ?? notBefore.Value.AddMinutes(31),
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl)]),
            SigningCredentials = new SigningCredentials(key, algorithm),
        };
        return new JwtSecurityTokenHandler().CreateEncodedJwt(descriptor);
    }

    /// <summary>The classic key-confusion forgery: HS256 with the provider's public key as the HMAC secret.</summary>
    public string TokenSignedWithPublicKeyAsHmacSecret(string serviceUrl)
    {
        var publicKey = Encoding.UTF8.GetBytes(_rsa.ExportSubjectPublicKeyInfoPem());
        var key = new SymmetricSecurityKey(publicKey) { KeyId = KeyId };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = AppId,
            Expires = DateTime.UtcNow.AddMinutes(30),
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl)]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        };
        return new JwtSecurityTokenHandler().CreateEncodedJwt(descriptor);
    }

    /// <summary>The same claims with "alg": "none" and no signature.</summary>
    public static string Unsigned(string serviceUrl, string audience = AppId)
    {
        static string Part(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var exp = DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds();
        var nbf = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds();
        return Part("""{"alg":"none","typ":"JWT"}""") + "."
            + Part($$"""{"iss":"{{Issuer}}","aud":"{{audience}}","serviceurl":"{{serviceUrl}}","nbf":{{nbf}},"exp":{{exp}}}""") + ".";
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _rsa.Dispose();
        _stranger.Dispose();
        _authority?.Dispose();
    }

    private void Map()
    {
        _app.MapGet("/v1/.well-known/openidconfiguration", () =>
        {
            Fetches++;
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = Issuer,
                ["authorization_endpoint"] = BaseUrl + "/v1/authorize",
                ["jwks_uri"] = BaseUrl + "/v1/keys",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
            });
        });
        _app.MapGet("/v1/keys", () =>
        {
            Fetches++;
            var parameters = _rsa.ExportParameters(includePrivateParameters: false);
            return Results.Json(new Dictionary<string, object>
            {
                ["keys"] = new[]
                {
                    new Dictionary<string, object>
                    {
                        ["kty"] = "RSA",
                        ["use"] = "sig",
                        ["kid"] = KeyId,
                        ["n"] = Base64UrlEncoder.Encode(parameters.Modulus!),
                        ["e"] = Base64UrlEncoder.Encode(parameters.Exponent!),
                        ["endorsements"] = new[] { "msteams", "test", "webchat", "directline", "emulator" },
                    },
                },
            });
        });
    }
}
