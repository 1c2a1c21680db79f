using System.Globalization;
using System.Text;

namespace StretchBot.Dialogs.Engine.Recognition;

/// <summary>
/// Turns typed text into comparable words: lower case, apostrophes dropped ("don't" -> "dont"), every other
/// character that is not a letter or digit treated as a space.
/// </summary>
internal static class TextNormalizer
{
    internal static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (c is '\'' or '\u2019' or '\u2018' or '`')
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    internal static string[] Tokens(string? text)
    {
        var normalized = Normalize(text);
        return normalized.Length == 0 ? [] : normalized.Split(' ');
    }
}
