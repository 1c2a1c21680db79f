using StretchBot.Dialogs.Progress;

namespace StretchBot.Tests.TestSupport;

/// <summary>
/// Bad requests to what the host serves for progress: summary pages and trend pictures behind guessed, tampered, cut,
/// lengthened, oddly encoded or huge tokens and keys, out-of-range or junk picture numbers, and methods other than GET.
/// A real share link and picture key are among the bases, so tampering starts from something that works.
/// </summary>
/// <param name="realPaths">Working progress addresses (a share link, a picture): tampered with, never used as they are.</param>
internal sealed class ProgressFuzzer(JsonMutations mutate, IReadOnlyList<string> realPaths)
{
    private static readonly string[] Points = ["0", "-1", "1", "2", "999999999999", "2147483648", "1e3", "01", "%31", "1.5", "", "x"];

    private static readonly HttpMethod[] Methods = [HttpMethod.Get, HttpMethod.Get, HttpMethod.Head, HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Options];

    /// <summary>One bad request, of a kind picked at random.</summary>
    public FuzzRequest Next()
    {
        var token = Token();
        var path = mutate.Random.Next(4) switch
        {
            0 => $"{ProgressAddresses.SharePath}/{token}",
            1 => $"{ProgressAddresses.SharePath}/{token}/trend.png",
            2 => $"{ProgressAddresses.PicturesPath}/{token}/{mutate.Pick(Points)}{mutate.Pick(["-small.png", ".png", ".PNG", "-big.png", string.Empty])}",
            _ => Tampered(mutate.Pick(realPaths)),
        };
        var method = mutate.Pick(Methods);
        return method == HttpMethod.Get || method == HttpMethod.Head
            ? new FuzzRequest("progress-" + method.Method.ToLowerInvariant(), method, path, null, null)
            : new FuzzRequest("progress-" + method.Method.ToLowerInvariant(), method, path, mutate.RandomBytes(mutate.Random.Next(64)));
    }

    // No NUL in a path: the in-process test server throws on one before the app sees it (Kestrel answers 400 itself).
    private string Token() => mutate.Random.Next(6) switch
    {
        0 => ProgressTokens.NewToken(),
        1 => ProgressTokens.Hash(ProgressTokens.NewToken()),
        2 => Uri.EscapeDataString(mutate.OddString().Replace('\0', '%')),
        3 => new string('A', mutate.Random.Next(1, 20_000)),
        4 => Uri.EscapeDataString(mutate.RandomText(mutate.Random.Next(1, 80)).Replace('\0', '%')),
        _ => ProgressTokens.NewToken()[..mutate.Random.Next(1, ProgressTokens.Length)],
    };

    // A working address with one character changed, cut short, lengthened or given a tail.
    private string Tampered(string path)
    {
        var at = mutate.Random.Next(path.LastIndexOf('/') + 1, path.Length);
        return mutate.Random.Next(4) switch
        {
            0 => path[..at] + (path[at] == 'A' ? 'B' : 'A') + path[(at + 1)..],
            1 => path[..at],
            2 => path + mutate.Pick(["A", "/", "/..", "%2F..%2F", "?x=1", "/trend.png/x"]),
            _ => path.ToUpperInvariant(),
        };
    }
}
