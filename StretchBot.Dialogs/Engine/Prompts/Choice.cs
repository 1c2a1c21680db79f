namespace StretchBot.Dialogs.Engine.Prompts;

/// <summary>One option of a choice: a button on the card, and words a user may type for it.</summary>
public sealed class Choice
{
    public Choice()
    {
    }

    public Choice(string value, string title, params string[] synonyms)
    {
        Value = value;
        Title = title;
        Synonyms = synonyms.ToList();
    }

    /// <summary>Stable value returned to the dialog and sent in the button's submit data.</summary>
    public string Value { get; set; } = string.Empty;

    /// <summary>The button's label.</summary>
    public string Title { get; set; } = string.Empty;

    public List<string> Synonyms { get; set; } = new();
}
