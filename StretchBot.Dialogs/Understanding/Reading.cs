namespace StretchBot.Dialogs.Understanding;

/// <summary>How sure a reader is of what a typed reply means.</summary>
public enum ReadingKind
{
    /// <summary>The reply does not answer the question: ask again, with an example.</summary>
    NotUnderstood = 0,

    /// <summary>The reply means <see cref="Reading{T}.Value"/>.</summary>
    Understood = 1,

    /// <summary>The reply probably means something, but that is checked first with one short yes/no question.</summary>
    Unsure = 2,
}

/// <summary>
/// What a typed reply means to one question: understood (a value), unsure (a yes/no question to confirm a
/// reading, with what follows a yes and what follows a no), or not understood. A reader never guesses: a reading
/// it is unsure of is confirmed, not assumed. Plain data, so a pending confirmation can wait in dialog state.
/// </summary>
public sealed record Reading<T>
{
    public ReadingKind Kind { get; init; }

    /// <summary>The value, when understood.</summary>
    public T? Value { get; init; }

    /// <summary>
    /// Understood: a short remark to say when the value is taken ("I've noted 7, the higher of the two.").
    /// Not understood: a specific reply to send instead of the question's usual retry text.
    /// </summary>
    public string? Remark { get; init; }

    /// <summary>Unsure: the yes/no question that settles it ("Did you mean about 3 weeks?").</summary>
    public string? Question { get; init; }

    /// <summary>Unsure: what a yes means.</summary>
    public Reading<T>? IfYes { get; init; }

    /// <summary>Unsure: what a no means.</summary>
    public Reading<T>? IfNo { get; init; }

    /// <summary>
    /// Unsure, on a safety question: the answer a hedged or "not sure" reply is taken as (true: a warning-sign
    /// question, where "a bit" or "not sure" counts as yes; false: consent, where only a clear yes counts). A hedged
    /// reply the other way ("not really" to a warning sign) asks again for a clear yes or no.
    /// </summary>
    public bool? SafeAnswer { get; init; }

    /// <summary>Unsure, about one warning sign: its id, so a reply in words ("only one leg", "my dad did") can answer it.</summary>
    public string? About { get; init; }

    public bool IsUnderstood => Kind == ReadingKind.Understood;

    public bool IsUnsure => Kind == ReadingKind.Unsure;

    public static Reading<T> NotUnderstood(string? remark = null) => new() { Kind = ReadingKind.NotUnderstood, Remark = remark };

    public static Reading<T> Understood(T value, string? remark = null) => new() { Kind = ReadingKind.Understood, Value = value, Remark = remark };

    /// <summary>Asks <paramref name="question"/>; yes means <paramref name="ifYes"/>, no means <paramref name="ifNo"/> (default: ask the question again).</summary>
    public static Reading<T> Ask(string question, Reading<T> ifYes, Reading<T>? ifNo = null) => new()
    {
        Kind = ReadingKind.Unsure,
        Question = question,
        IfYes = ifYes,
        IfNo = ifNo ?? NotUnderstood(),
    };

    /// <summary>A safety question: see <see cref="SafeAnswer"/>.</summary>
    public static Reading<T> AskCarefully(string question, bool safeAnswer, Reading<T> ifYes, Reading<T>? ifNo = null)
        => Ask(question, ifYes, ifNo) with { SafeAnswer = safeAnswer };

    /// <summary>Checks one reading: "Did you mean ...?"; a no asks the question again.</summary>
    public static Reading<T> Confirm(T value, string question) => Ask(question, Understood(value));

    /// <summary>The same reading with another value type (the tree of questions is kept).</summary>
    public Reading<TOther> Map<TOther>(Func<T, TOther> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return new Reading<TOther>
        {
            Kind = Kind,
            Value = Kind == ReadingKind.Understood && Value is not null ? map(Value) : default,
            Remark = Remark,
            Question = Question,
            SafeAnswer = SafeAnswer,
            About = About,
            IfYes = IfYes?.Map(map),
            IfNo = IfNo?.Map(map),
        };
    }

    /// <summary>The value a yes to every question leads to, if any (for measuring a reader).</summary>
    public T? Tentative => Kind switch
    {
        ReadingKind.Understood => Value,
        ReadingKind.Unsure => IfYes is null ? default : IfYes.Tentative,
        _ => default,
    };
}
