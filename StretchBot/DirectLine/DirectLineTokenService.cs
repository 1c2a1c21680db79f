using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace StretchBot.DirectLine;

/// <summary>
/// Issues and checks the local Direct Line's credentials: "dl1.{payload}.{signature}", the payload a small JSON
/// object (kind, conversation, user, expiry) and the signature HMAC-SHA256 over "dl1.{payload}". Nothing is kept
/// server-side, so any instance can check any token.
/// </summary>
public sealed class DirectLineTokenService
{
    private const string Prefix = "dl1.";
    private readonly DirectLineSigningKey _key;
    private readonly IOptions<DirectLineOptions> _options;
    private readonly TimeProvider _time;

    public DirectLineTokenService(DirectLineSigningKey key, IOptions<DirectLineOptions> options, TimeProvider time)
    {
        _key = key;
        _options = options;
        _time = time;
    }

    public TimeSpan TokenLifetime => _options.Value.TokenLifetime;

    /// <summary>A Direct Line token for one conversation, valid for <see cref="DirectLineOptions.TokenLifetime"/>.</summary>
    public Task<string> IssueTokenAsync(string conversationId, string userId, CancellationToken cancellationToken)
        => IssueAsync(DirectLineTokenKind.Token, conversationId, userId, _options.Value.TokenLifetime, cancellationToken);

    /// <summary>A resume ticket for one conversation, valid as long as its transcript is kept.</summary>
    public Task<string> IssueResumeTicketAsync(string conversationId, string userId, CancellationToken cancellationToken)
        => IssueAsync(DirectLineTokenKind.Resume, conversationId, userId, _options.Value.TranscriptRetention, cancellationToken);

    /// <summary>The credential of a streamUrl: opens the conversation's WebSocket within <see cref="DirectLineOptions.StreamUrlLifetime"/>.</summary>
    public Task<string> IssueStreamTokenAsync(string conversationId, string userId, CancellationToken cancellationToken)
        => IssueAsync(DirectLineTokenKind.Stream, conversationId, userId, _options.Value.StreamUrlLifetime, cancellationToken);

    /// <summary>The credential's claims when it is well-formed, correctly signed, of the expected kind and not expired; otherwise null.</summary>
    public async Task<DirectLineTokenClaims?> ValidateAsync(string? credential, DirectLineTokenKind expectedKind, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(credential) || credential.Length > 2048 || !credential.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var dot = credential.LastIndexOf('.');
        if (dot <= Prefix.Length)
        {
            return null;
        }

        var signed = credential[..dot];
        byte[] signature;
        byte[] payload;
        try
        {
            signature = Base64Url.DecodeFromChars(credential.AsSpan(dot + 1));
            payload = Base64Url.DecodeFromChars(signed.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return null;
        }

        var expected = HMACSHA256.HashData(await _key.GetAsync(cancellationToken), Encoding.UTF8.GetBytes(signed));
        if (!CryptographicOperations.FixedTimeEquals(expected, signature))
        {
            return null;
        }

        Payload? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<Payload>(payload);
        }
        catch (JsonException)
        {
            return null;
        }

        if (parsed is null || parsed.K != (int)expectedKind || string.IsNullOrEmpty(parsed.C) || string.IsNullOrEmpty(parsed.U))
        {
            return null;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(parsed.E);
        return expires <= _time.GetUtcNow() ? null : new DirectLineTokenClaims(expectedKind, parsed.C, parsed.U, expires);
    }

    private async Task<string> IssueAsync(DirectLineTokenKind kind, string conversationId, string userId, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var expires = _time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Payload { K = (int)kind, C = conversationId, U = userId, E = expires });
        var signed = Prefix + Base64Url.EncodeToString(payload);
        var signature = HMACSHA256.HashData(await _key.GetAsync(cancellationToken), Encoding.UTF8.GetBytes(signed));
        return signed + "." + Base64Url.EncodeToString(signature);
    }

    private sealed class Payload
    {
        public int K { get; set; }

        public string C { get; set; } = string.Empty;

        public string U { get; set; } = string.Empty;

        public long E { get; set; }
    }
}
