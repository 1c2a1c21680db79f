using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace StretchBot.DirectLine;

/// <summary>
/// The HMAC-SHA256 key that signs local Direct Line tokens: "DirectLine:TokenSigningKey" (base64) when configured,
/// otherwise a random key generated once and kept in the database, so all instances sharing it accept each other's tokens.
/// </summary>
public sealed class DirectLineSigningKey
{
    private const string SettingName = "token-signing-key";
    private readonly IOptions<DirectLineOptions> _options;
    private readonly ITranscriptStore _store;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private byte[]? _key;

    public DirectLineSigningKey(IOptions<DirectLineOptions> options, ITranscriptStore store)
    {
        _options = options;
        _store = store;
    }

    public async ValueTask<byte[]> GetAsync(CancellationToken cancellationToken)
    {
        if (_key is { } cached)
        {
            return cached;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            _key ??= await LoadAsync(cancellationToken);
            return _key;
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<byte[]> LoadAsync(CancellationToken cancellationToken)
    {
        var configured = _options.Value.TokenSigningKey;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            byte[] key;
            try
            {
                key = Convert.FromBase64String(configured);
            }
            catch (FormatException exception)
            {
                throw new InvalidOperationException("DirectLine:TokenSigningKey must be base64 (for example: openssl rand -base64 32).", exception);
            }

            return key.Length >= 32
                ? key
                : throw new InvalidOperationException("DirectLine:TokenSigningKey must decode to at least 32 bytes.");
        }

        var stored = await _store.GetOrAddSettingAsync(
            SettingName,
            () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            cancellationToken);
        return Convert.FromBase64String(stored);
    }
}
