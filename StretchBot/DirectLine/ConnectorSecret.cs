using System.Security.Cryptography;
using System.Text;

namespace StretchBot.DirectLine;

/// <summary>
/// The key that proves a post to the local Direct Line's connector endpoint comes from the bot's own adapter: only
/// the bot may write "as the bot" into a transcript, with or without an app id. It is derived (HMAC-SHA256) from the
/// Direct Line signing key, so it is never configured, never leaves the server (the adapter adds it only to requests
/// for this service's own connector address) and is the same in every instance that shares the database, which lets
/// one instance deliver a check-in into a conversation another instance started.
/// </summary>
public sealed class ConnectorSecret
{
    /// <summary>The request header that carries the key.</summary>
    public const string HeaderName = "X-StretchBot-Connector-Key";

    private readonly DirectLineSigningKey _signingKey;
    private byte[]? _value;

    public ConnectorSecret(DirectLineSigningKey signingKey)
    {
        _signingKey = signingKey;
    }

    public async ValueTask<string> GetAsync(CancellationToken cancellationToken) =>
        Convert.ToBase64String(await ValueAsync(cancellationToken));

    /// <summary>Whether <paramref name="presented"/> is the key (compared in constant time).</summary>
    public async ValueTask<bool> IsValidAsync(string? presented, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > 128)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Convert.ToBase64String(await ValueAsync(cancellationToken)));
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), expected);
    }

    private async ValueTask<byte[]> ValueAsync(CancellationToken cancellationToken)
    {
        if (_value is { } value)
        {
            return value;
        }

        var key = await _signingKey.GetAsync(cancellationToken);
        return _value = HMACSHA256.HashData(key, "stretchbot/directline-connector/v1"u8);
    }
}
