using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace StretchBot.Dialogs.Progress;

/// <summary>
/// The random tokens in progress addresses (share links, picture keys): 256 random bits, base64url (43 characters), so
/// they carry nothing about the user and cannot be guessed. A share link is stored by its token's SHA-256 only.
/// </summary>
public static class ProgressTokens
{
    public const int Length = 43;

    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>True for something shaped like a token (checked before any look-up).</summary>
    public static bool IsWellFormed(string? token)
        => token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
}
