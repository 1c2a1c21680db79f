namespace StretchBot.Dialogs.Engine.Recognition;

/// <summary>
/// One answer a choice prompt offers: <paramref name="Value"/> is what the dialog stores (and a card button submits),
/// <paramref name="Title"/> what the user sees, <paramref name="Synonyms"/> other words a user may type for it.
/// </summary>
public sealed record ChoiceOption(string Value, string Title, IReadOnlyList<string>? Synonyms = null);
