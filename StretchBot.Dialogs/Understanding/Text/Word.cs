namespace StretchBot.Dialogs.Understanding.Text;

/// <summary>What separates a word from the one before it.</summary>
public enum Boundary
{
    /// <summary>Nothing but spaces (or the start of the text).</summary>
    None = 0,

    /// <summary>A comma, colon, dash or bracket: a new clause in the same sentence.</summary>
    Comma = 1,

    /// <summary>A full stop, question mark, exclamation mark, semicolon or line break.</summary>
    Sentence = 2,
}

/// <summary>
/// One word of a typed reply. <see cref="Form"/> is what matching uses: lower case, apostrophes dropped
/// ("don't" is "dont"), and a small typo mended when the vocabulary knows the intended word ("sittng" is "sitting").
/// </summary>
public readonly record struct Word(string Raw, string Form, int Start, int End, Boundary Before, int Sentence)
{
    /// <summary>True when <see cref="Form"/> is a typo correction of <see cref="Raw"/>.</summary>
    public bool Corrected => !string.Equals(Raw, Form, StringComparison.Ordinal);
}
