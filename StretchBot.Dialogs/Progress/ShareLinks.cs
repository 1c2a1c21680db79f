using Microsoft.Extensions.Options;

namespace StretchBot.Dialogs.Progress;

/// <summary>
/// Links to a user's printable summary: made with a fresh random token (kept only as its hash), live for
/// <see cref="ProgressOptions.ShareLinkLifetime"/>, ended early by "stop sharing" or "delete my data".
/// </summary>
public sealed class ShareLinks
{
    private readonly IProgressStore _store;
    private readonly TimeProvider _time;
    private readonly ProgressOptions _options;

    public ShareLinks(IProgressStore store, TimeProvider time, IOptions<ProgressOptions> options)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _options = options.Value;
    }

    /// <summary>A new link for the user; returns its token and when it stops working.</summary>
    public async Task<(string Token, DateTimeOffset ExpiresUtc)> CreateAsync(string userKey, string? timeZoneId, CancellationToken cancellationToken)
    {
        var token = ProgressTokens.NewToken();
        var now = _time.GetUtcNow();
        var expires = now + _options.ShareLinkLifetime;
        await _store.AddShareLinkAsync(ProgressTokens.Hash(token), new ShareLink(userKey, now, expires, timeZoneId), cancellationToken);
        return (token, expires);
    }

    /// <summary>The live link a token opens, or null (malformed, unknown, expired or revoked: all look the same).</summary>
    public async Task<ShareLink?> OpenAsync(string? token, CancellationToken cancellationToken)
        => ProgressTokens.IsWellFormed(token)
            ? await _store.FindShareLinkAsync(ProgressTokens.Hash(token!), _time.GetUtcNow(), cancellationToken)
            : null;

    /// <summary>Ends every link of the user; returns how many there were.</summary>
    public Task<int> RevokeAsync(string userKey, CancellationToken cancellationToken) => _store.RevokeShareLinksAsync(userKey, cancellationToken);
}
