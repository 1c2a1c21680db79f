using System.Collections.Frozen;
using StretchBot.Dialogs.Understanding.Text;

namespace StretchBot.Dialogs.Understanding.Readers;

/// <summary>The words a reply to a card of warning-sign questions is read with: every way of saying "none", and the rest.</summary>
public sealed partial class RedFlagReader
{
    private static readonly string[][] NonePhrases = Phrases(
        "no", "n", "nope", "nah", "naw", "nay", "none", "nothing", "nil", "na", "n a", "neither", "negative", "no none",
        "none of these", "none of those", "none of them", "none of the above", "none of that", "none apply",
        "none of these apply", "none of those apply", "no to all", "no to all of them", "no to everything", "all no",
        "not any", "not any of them", "not any of those", "nothing like that", "nothing of the sort", "no nothing",
        "nope none", "no none of those", "no none of these", "none at all", "not at all", "no thanks", "no thank you",
        "thumbs down", "nein", "non", "nie", "nee", "nej", "keine", "keine davon", "nichts davon", "rien", "rien de tout ca",
        "ninguno", "ninguna", "no tengo ninguno", "nada", "geen", "geen van deze", "no red flags", "no red flag",
        "none of those symptoms", "no symptoms", "no to all of those", "no to them all", "nothing else", "thats it",
        "thats all", "just my back", "only my back", "just back pain", "only back pain", "just the back", "no none of them",
        "i dont have any", "dont have any", "i dont have any of those", "dont have any of those", "dont have any of them",
        "i have none", "have none of those", "none of those apply", "i have none of them", "none of them apply", "none here",
        "nothing from that list", "nothing from the list", "nothing on the list", "none on the list", "none from the list",
        "not any of these", "none whatsoever", "nothing at all", "no nothing like that", "none of these things",
        "fit and well", "fit and healthy", "otherwise well", "otherwise healthy", "other than the back pain",
        "other than my back pain", "apart from the back pain", "apart from my back pain", "except the back pain",
        "except my back pain", "besides the back pain", "just the back pain", "only the back pain", "aucun", "aucune",
        "none of that stuff", "nope nothing", "nope none of them", "i dont have those", "dont have those", "not me");

    private static readonly string[][] HedgedNonePhrases = Phrases(
        "not really", "i dont think so", "dont think so", "not that i know of", "not that i know", "probably not",
        "i think not", "not as far as i know", "all good", "all fine", "im fine", "i am fine", "fine", "i think none",
        "none i think", "no i dont think so", "not really no", "no not really", "not that im aware", "not that i am aware",
        "no i dont think", "dont think any", "i dont think any", "i dont think so no", "all good", "all ok", "all okay",
        "all normal", "im ok", "im okay", "nope all good", "no all good", "no im fine", "no im good", "im good");

    // Words that show a reply is about the card's questions, though it names no sign and says no plain "none":
    // "it's been 3 weeks", "I'm 49 and it's new". Such a reply is confirmed as a none, not asked again from scratch.
    private static readonly FrozenSet<string> RelevantWords = FrozenSet.ToFrozenSet(
    [
        "pain", "back", "leg", "legs", "week", "weeks", "month", "months", "year", "years", "day", "days", "old", "age",
        "new", "better", "worse", "same", "weight", "temperature", "temp", "cancer", "night", "sleep", "fall", "fell",
        "bladder", "bowel", "numb", "tingling", "weak", "fine", "ok", "okay", "good", "normal", "symptoms", "list",
        "none", "nothing", "healthy", "well", "cold", "flu", "tired", "stiff", "sore", "ache", "aching", "started",
        "first", "time", "since", "ago", "recently", "improving", "getting", "lower", "feel", "feeling", "numbness",
        "foot", "feet", "toes", "tingle", "tingly", "sex", "wee", "pee", "poo", "toilet", "accident", "accidents",
        "confused", "fever", "weak", "weakness", "steroids", "infection", "immune", "shoulder", "blades", "worse",
    ]);

    private static readonly FrozenSet<string> Fillers = FrozenSet.ToFrozenSet(
    [
        "i", "im", "ive", "id", "my", "me", "the", "a", "an", "and", "or", "so", "just", "um", "umm", "uh", "er", "erm",
        "well", "thanks", "thank", "you", "please", "ok", "okay", "of", "to", "it", "its", "that", "this", "is", "am",
        "are", "was", "have", "has", "had", "been", "be", "do", "does", "any", "anything", "those", "these", "them",
        "all", "at", "in", "on", "for", "with", "about", "really", "sure", "think", "right", "now", "currently", "hi",
        "hello", "hey", "thx", "cheers", "lol", "x", "oh", "ah", "yes", "yeah", "yep", "haha", "sorry", "there", "got",
        "get", "apply", "applies", "questions", "question", "list", "above", "below", "card", "ones", "one",
    ]);

    private static readonly HashSet<string> CountedThing =
    [
        "week", "weeks", "day", "days", "month", "months", "year", "years", "hour", "hours", "kg", "kgs", "lb", "lbs",
        "stone", "times", "am", "pm", "out", "of", "10", "minutes", "mins", "nights", "night", "kids", "children",
    ];

    private static string[][] Phrases(params string[] phrases)
        => phrases.Select(p => Utterance.Parse(p).Words.Select(w => w.Form).ToArray()).ToArray();
}
