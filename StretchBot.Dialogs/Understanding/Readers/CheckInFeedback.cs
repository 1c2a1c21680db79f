using StretchBot.Domain.RedFlags;
using StretchBot.Domain.Swaps;
using StretchBot.Dialogs.Understanding.Text;

namespace StretchBot.Dialogs.Understanding.Readers;

/// <summary>
/// The feedback part of a typed check-in, clause by clause: which stretches each clause is about (by name, by
/// description such as "the chair one", or by position: "the 1st one"), and what it says of them.
/// </summary>
internal sealed class CheckInFeedback
{
    private static readonly string[] BreakWords = ["but", "and", "while", "whereas", "though", "although", "however", "plus", "also"];

    private static readonly HashSet<string> AllWords =
    [
        "all", "everything", "both", "they", "them", "each", "every", "others", "rest", "lot", "stretches", "exercises",
        "overall", "generally",
    ];

    private static readonly HashSet<string> TimeWords =
    [
        "weekend", "week", "day", "days", "night", "nights", "morning", "mornings", "evening", "evenings", "yesterday",
        "today", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "time",
    ];

    // Signs a stretch can bring on or worsen: a clause telling of them still rates the stretch it follows ("the
    // cobra was fine, then it hurt my leg and now it's weak").
    private static readonly HashSet<string> SignsAStretchCanBringOn =
    [
        RedFlagIds.LegWeakness, RedFlagIds.BothLegs, RedFlagIds.SaddleNumbness, RedFlagIds.ConstantOrNightPain,
        RedFlagIds.WorseCoughingOrSneezing, RedFlagIds.SeriousInjury, RedFlagIds.FragileBoneInjury, RedFlagIds.UpperBackPain,
    ];

    private readonly OptionWords<string> _names;
    private readonly IReadOnlyList<string> _plan;
    private readonly Dictionary<string, Feedback> _feedback = new(StringComparer.Ordinal);
    private readonly HashSet<string> _fromAll = new(StringComparer.Ordinal);

    public CheckInFeedback(OptionWords<string> names, IReadOnlyList<string> plan)
    {
        _names = names;
        _plan = plan;
    }

    /// <param name="signs">Where the reply tells of warning signs: a clause that names no stretch and tells of a sign no
    /// stretch brings on is news about the person ("I've been diagnosed with cancer this week 😢"), not a rating of
    /// the last stretch named.</param>
    public Dictionary<string, Feedback> Read(Utterance utterance, IReadOnlyList<OptionMention<SymptomChange>> changes, IReadOnlyList<(string Sign, int Start, int End)> signs)
    {
        var segments = Segments(utterance, changes, signs);
        if (InPlanOrder(segments) is { } inOrder)
        {
            return inOrder;
        }

        var pending = new List<string>();
        var pendingAll = false;
        string? lastNamed = null;
        foreach (var segment in segments)
        {
            if (segment.NewSentence)
            {
                pending.Clear(); // a name left without a word in its sentence does not take the next sentence's
                pendingAll = false;
            }

            if (segment.OutsidePlan)
            {
                continue; // "knee hugs were nice" when knee hugs are not in the plan: not about these stretches
            }

            pending.AddRange(segment.Named.Where(id => !pending.Contains(id)));
            lastNamed = segment.Named.LastOrDefault() ?? lastNamed;
            pendingAll |= segment.SaysAll && segment.Named.Count == 0;
            var said = segment.Feedback ?? (segment.Warning && (pending.Count > 0 || segment.Named.Count > 0) ? Feedback.Worse : null);
            if (said is null)
            {
                continue;
            }

            Record(pending.Count > 0 ? pending.ToList() : Targets(segment.SaysAll || pendingAll, lastNamed), said.Value, byName: pending.Count > 0);
            pending.Clear();
            pendingAll = false;
        }

        if (_feedback.Count == 0 && _plan.Count == 1 && segments.Any(s => s.Warning))
        {
            Record([_plan[0]], Feedback.Worse, byName: false); // asked about one stretch: "made my foot tingle"
        }

        return _feedback;
    }

    // Clauses, cut again at each stretch named ("cobra thumbs down knee hugs thumbs up"), with a heading's feedback
    // carried to the names after it ("Better: seated flexion. Same: knee hugs").
    private List<Segment> Segments(Utterance utterance, IReadOnlyList<OptionMention<SymptomChange>> changes, IReadOnlyList<(string Sign, int Start, int End)> signs)
    {
        var segments = new List<Segment>();
        foreach (var clause in Clauses(utterance))
        {
            var aboutNews = signs.Any(t => !SignsAStretchCanBringOn.Contains(t.Sign) && t.Start <= clause[^1] && t.End > clause[0]);
            var part = Utterance.Parse(string.Join(' ', clause.Select(i => utterance[i].Form)), _names.Vocabulary);
            var newSentence = clause[0] == 0 || utterance[clause[0]].Before == Boundary.Sentence;
            var outside = _names.Find(part).All.Any(m => !_plan.Contains(m.Value)) && !_names.Find(part).All.Any(m => _plan.Contains(m.Value));
            var starts = _names.Find(part).All.Where(m => _plan.Contains(m.Value)).Select(m => m.Start)
                .Concat(Enumerable.Range(0, part.Count).Where(i => part[i].Form is "first" or "1st" or "second" or "2nd" or "third" or "3rd" or "last" && i + 1 < part.Count && part[i + 1].Form is "one" or "stretch" or "exercise"))
                .Where(p => p > 0).Distinct().Order().ToList();
            var cuts = new List<int> { 0 };
            cuts.AddRange(starts);
            cuts.Add(part.Count);
            for (var k = 0; k + 1 < cuts.Count; k++)
            {
                var words = Enumerable.Range(cuts[k], cuts[k + 1] - cuts[k]).Select(i => part[i].Form).ToList();
                var piece = Utterance.Parse(string.Join(' ', words), _names.Vocabulary);
                var span = (Start: clause[0], End: clause[^1] + 1);
                var warning = changes.Any(c => c.Value != SymptomChange.CloserToBack && c.Start < span.End && c.End > span.Start);
                var all = piece.Words.Any(w => AllWords.Contains(w.Form)) || piece.Words.Any(w => w.Form is "other");
                var named = Named(piece);
                var rates = named.Count > 0 || !(aboutNews || IsAboutATime(piece));
                segments.Add(new Segment(named, rates ? FeedbackIn(piece) : null, rates ? CheckInWords.Feedback.Find(piece).All.Where(m => m.Said).Select(m => m.Value).ToList() : [], warning, all, piece.Count)
                {
                    NewSentence = newSentence && k == 0,
                    OutsidePlan = outside,
                    IsNone = piece.Normalized is "none" or "nothing" or "n a" or "na" or "nil" or "no" or "nope",
                });
            }
        }

        for (var i = 0; i + 1 < segments.Count; i++)
        {
            if (segments[i] is { Named.Count: 0, Feedback: not null, Words: <= 3 } && segments[i + 1].IsNone)
            {
                segments[i] = segments[i] with { Feedback = null }; // "Worse: none"
                continue;
            }

            var waitingName = i > 0 && segments[i - 1] is { Named.Count: > 0, Feedback: null }; // "knee rolls: worse" is name first
            if (!waitingName && segments[i] is { Named.Count: 0, Feedback: { } heading, Words: <= 3 } && segments[i + 1] is { Named.Count: > 0, Feedback: null })
            {
                segments[i + 1] = segments[i + 1] with { Feedback = heading };
                segments[i] = segments[i] with { Feedback = null };
            }
        }

        return segments;
    }

    // "weekend was bad", "the last few days have been good": how a time went, not how a stretch did.
    private static bool IsAboutATime(Utterance piece)
    {
        var i = 0;
        while (i < piece.Count && piece[i].Form is "the" or "this" or "last" or "my" or "over" or "past" or "few" or "couple" or "of" or "first")
        {
            i++;
        }

        return i + 1 < piece.Count && TimeWords.Contains(piece[i].Form) && piece[i + 1].Form is "was" or "were" or "is" or "s" or "has" or "have" or "been";
    }

    // "better better same": as many ratings as stretches, and no stretch named, are the stretches in plan order.
    private Dictionary<string, Feedback>? InPlanOrder(List<Segment> segments)
    {
        var ratings = segments.SelectMany(s => s.Ratings).ToList();
        if (_plan.Count < 2 || ratings.Count != _plan.Count || segments.Any(s => s.Named.Count > 0 || s.SaysAll))
        {
            return null;
        }

        return _plan.Select((id, i) => (id, ratings[i])).ToDictionary(p => p.id, p => p.Item2, StringComparer.Ordinal);
    }

    /// <summary>Word index lists, split at punctuation and at "but", "and", "while"... (not inside "pins and needles").</summary>
    public static List<List<int>> Clauses(Utterance utterance)
    {
        var clauses = new List<List<int>> { new() };
        for (var i = 0; i < utterance.Count; i++)
        {
            var form = utterance[i].Form;
            var isBreakWord = BreakWords.Contains(form) && !(form == "and" && i > 0 && i + 1 < utterance.Count && (utterance[i - 1].Form, utterance[i + 1].Form) is ("pins", "needles") or ("on", "off") or ("now", "then") or ("up", "down") or ("hot", "cold") or ("left", "right") or ("right", "left"));
            if ((utterance[i].Before != Boundary.None || isBreakWord) && clauses[^1].Count > 0)
            {
                clauses.Add(new List<int>());
            }

            if (!isBreakWord)
            {
                clauses[^1].Add(i);
            }
        }

        return clauses.Where(c => c.Count > 0).ToList();
    }

    // Stretches of the plan named in a clause (denied or not: "didn't do the cobra" is about the cobra), or picked
    // by position: "the 1st one", "second", "the last one".
    private List<string> Named(Utterance part)
    {
        var named = _names.Find(part).All.Select(m => m.Value).Where(_plan.Contains).Distinct().ToList();
        if (named.Count > 0)
        {
            return named;
        }

        foreach (var word in part.Words)
        {
            var index = word.Form switch
            {
                "first" or "1st" => 0,
                "second" or "2nd" => 1,
                "third" or "3rd" => 2,
                "last" => _plan.Count - 1,
                _ => -1,
            };
            if (index >= 0 && index < _plan.Count && part.Words.Any(w => w.Form is "one" or "stretch" or "exercise") || index >= 0 && index < _plan.Count && part.Count <= 3)
            {
                return [_plan[index]];
            }
        }

        return [];
    }

    // Nothing named: "the others were better" rates all not yet rated; a one-stretch plan, or the first thing said,
    // is about all of them; otherwise it is about the last one named ("the cobra was fine, but it hurt later").
    private List<string> Targets(bool all, string? lastNamed)
    {
        if (all || _plan.Count == 1 || (_feedback.Count == 0 && lastNamed is null))
        {
            var unrated = _plan.Where(id => !_feedback.ContainsKey(id) || _fromAll.Contains(id)).ToList();
            return unrated.Count > 0 ? unrated : _plan.ToList();
        }

        return lastNamed is null ? [] : [lastNamed];
    }

    // "Worse" always wins; a stretch named overrides what "all of them" said; didn't-try gives way to any rating.
    private void Record(List<string> ids, Feedback said, bool byName)
    {
        foreach (var id in ids)
        {
            var had = _feedback.TryGetValue(id, out var before);
            if (!had || said == Feedback.Worse || before == Feedback.DidNotTry || (byName && _fromAll.Contains(id) && before != Feedback.Worse))
            {
                _feedback[id] = said;
                if (byName)
                {
                    _fromAll.Remove(id);
                }
                else
                {
                    _fromAll.Add(id);
                }
            }
        }
    }

    // Feedback words in a clause; a denied better or worse ("not great", "didn't hurt") means no real change.
    private sealed record Segment(List<string> Named, Feedback? Feedback, List<Feedback> Ratings, bool Warning, bool SaysAll, int Words)
    {
        public bool NewSentence { get; init; }

        public bool OutsidePlan { get; init; }

        public bool IsNone { get; init; }
    }

    private static Feedback? FeedbackIn(Utterance part)
    {
        var mentions = CheckInWords.Feedback.Find(part).All.ToList();
        if (mentions.Count == 0)
        {
            return null;
        }

        var said = mentions.Where(m => m.Said).Select(m => m.Value).ToList();
        if (said.Contains(Feedback.Worse))
        {
            return Feedback.Worse;
        }

        if (said.Count > 0)
        {
            return said[0];
        }

        return mentions.Any(m => m.Value is Feedback.Better or Feedback.Worse) ? Feedback.Same : null;
    }
}
