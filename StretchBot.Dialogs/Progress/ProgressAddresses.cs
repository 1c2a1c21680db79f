using Microsoft.Extensions.Options;

namespace StretchBot.Dialogs.Progress;

/// <summary>
/// Where the host serves progress: the trend pictures (absolute URLs under Bot:PublicBaseUrl, because Teams fetches card
/// pictures itself) and the shared summary. Every address carries a random token only, never health data.
/// </summary>
public sealed class ProgressAddresses
{
    public const string PicturesPath = "/progress/pictures";
    public const string SharePath = "/share";

    private readonly string _baseUrl;

    public ProgressAddresses(IOptions<StretchBotOptions> options)
    {
        _baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
    }

    /// <summary>The picture of the user's first <paramref name="points"/> scores (a snapshot: later scores do not change it).</summary>
    public string Picture(string pictureKey, int points, bool small)
        => $"{_baseUrl}{PicturesPath}/{pictureKey}/{points}{(small ? "-small" : string.Empty)}.png";

    public string Share(string token) => $"{_baseUrl}{SharePath}/{token}";

    /// <summary>The shared summary's picture (a path on the same host, as the page uses it).</summary>
    public static string SharePicturePath(string token) => $"{SharePath}/{token}/trend.png";
}
