using StretchBot.Domain.Swaps;

namespace StretchBot.Dialogs.Understanding.Readers;

/// <summary>The words of a typed check-in: how a stretch went, how leg symptoms moved, and "nothing new".</summary>
internal static class CheckInWords
{
    /// <summary>Typo mending towards any word of a check-in (feedback, symptom changes, "nothing new").</summary>
    public static Text.Vocabulary VocabularyWith(IEnumerable<string> names)
        => new(names.Concat(Feedback.Vocabulary.TargetWords).Concat(Changes.Vocabulary.TargetWords).Concat(NoneNew.Vocabulary.TargetWords), Text.EnglishWords.All);

    private const string LegPart = "{leg|legs|foot|feet|toes|toe|calf|calves|thigh|shin|heel|ankle|knee|sole}";
    private const string Tingle = "{numb|numbness|tingling|tingly|tingle|tingles|pins and needles|pins n needles|buzzing|zing|zinging|electric|electric shocks|burning}";

    public static OptionWords<Feedback> Feedback { get; } = new OptionWords<Feedback>()
        .Add(Domain.Swaps.Feedback.DidNotTry,
            "didnt try", "did not try", "havent tried", "have not tried", "not tried", "never tried", "didnt do",
            "did not do", "havent done", "didnt get round to", "didnt get around to", "skipped", "skip", "forgot",
            "no time", "too busy", "couldnt do", "could not do", "couldnt manage", "wasnt able", "not done", "didnt bother",
            "havent started", "didnt start", "didnt attempt", "gave it a miss", "missed", "not yet", "couldnt get down",
            "couldnt get on the floor", "too scared", "avoided", "left it", "didnt get to", "havent had time",
            "had no time", "not had time", "didnt have time", "no chance to", "havent managed", "didnt manage",
            "havent had a chance", "not had a chance", "didnt get a chance", "didnt have a chance", "too much to try",
            "too sore to try", "too painful to try", "hurt too much to", "couldnt try", "couldnt face", "not tried yet",
            "not doing", "wont do", "not going to do", "stopped doing", "not attempted", "didnt understand", "didnt get it",
            // all of them at once: "did none", "didn't do any of them"
            "did none", "done none", "did none of them", "didnt do any", "did not do any", "havent done any", "not done any")
        .Add(Domain.Swaps.Feedback.Same,
            "no better", "not better", "no worse", "not worse", "no change", "no different", "not different",
            "didnt change", "nothing changed", "the same", "same", "unchanged", "about the same", "didnt help",
            "did not help", "doesnt help", "not helping", "hasnt helped", "didnt do anything", "did nothing",
            "no difference", "didnt make a difference", "neutral", "meh", "so so", "didnt notice", "nothing much",
            "hard to tell", "cant tell", "not much", "no effect", "no real change", "same same", "didnt really help",
            "ok", "okay", "alright", "fine", "not bad", "no improvement", "not so much", "not really", "average",
            "nothing special", "so-so", "mixed", "nothings changed", "nothing has changed", "nothings different",
            // doubt whether it works is no sign that it does: "no idea if it's working"
            "{no idea|not sure|dont know|unsure|cant tell|cannot tell|hard to tell|hard to say|too early to tell|too soon to tell} {if|whether} ... {working|helping|helped|doing anything|doing much|making a difference|any good|better}")
        .Add(Domain.Swaps.Feedback.Worse,
            "worse", "made it worse", "hurt", "hurts", "hurting", "painful", "aggravated", "aggravates", "aggravating",
            "flared", "flare", "flare up", "flared up", "more pain", "sore after", "too much", "agony", "pinched",
            "twinge", "twinged", "sharp pain", "set me back", "set it off", "bad", "awful", "terrible", "horrible",
            "couldnt stand", "painful after", "made my back worse", "irritated", "irritates", "stiffer", "locked up",
            "spasm", "spasms", "ouch", "killed", "killing", "not good", "made things worse", "hated", "dizzy",
            "thumbs down", "nope", "no good", "rubbish", "crap", "shit", "nightmare", "stopped it", "had to stop",
            "gave up on it", "no thanks", "ache more", "aches more", "more sore", "sorer", "achier", "more achy",
            "sent pain", "stopped", "locked", "seized", "seized up", "set off", "twinged")
        .Add(Domain.Swaps.Feedback.Better,
            "better", "helped", "helps", "helping", "improved", "improving", "easier", "less pain", "good", "great",
            "brilliant", "amazing", "loosened", "looser", "relief", "eased", "eases", "love", "loved", "liked", "fab",
            "excellent", "works", "worked", "working", "perfect", "nice", "lovely", "really good", "made a difference",
            "freed up", "less stiff", "not as bad", "not so bad", "a lot better", "much better", "bit better",
            "slightly better", "little better", "super", "awesome", "fantastic", "wonderful", "enjoyed", "relieved",
            "less sore", "more flexible", "keeper", "thumbs up", "ace", "fave", "favourite", "favorite", "best",
            "recommend", "winner", "top", "spot on", "magic", "life saver", "lifesaver", "yes", "definitely helped", "brill",
            "loving", "loving it", "love it", "cracking", "champion", "lush", "smashing", "sound", "top notch", "improvement",
            "considerable improvement", "with benefit", "benefit", "beneficial", "effective", "helpful", "gud", "helpd",
            "beter", "bettr", "easing");

    public static OptionWords<SymptomChange> Changes { get; } = new OptionWords<SymptomChange>()
        .Add(SymptomChange.FurtherDownLeg,
            "{further|farther|lower} down {my|the} {leg|calf|foot|thigh}",
            "{spread|spreading|spreads|gone|went|travelled|traveled|moved|moving|radiating|radiates|shooting|shoots|shoot|going|goes|go|gets} {further|} {down|into} {my|the} " + LegPart,
            "{now|its now|it is now|now its} {in|into|down|to} {my|the} {calf|foot|toes|ankle|shin|heel|sole}",
            "{down|all the way down|right down|down to|as far as} {to|} my {foot|toes|ankle|calf|heel|shin}",
            "all the way down", "further down", "lower down", "more leg pain", "leg pain {is worse|worse|spread|has spread|further}",
            "{shooting|shoots|shoot|sharp|stabbing} {pain|pains} ... {leg|calf|foot}", "{goes|going|went} to my {ankle|foot|toes|calf|heel}",
            "{sent|sends|sending|shot|shoots|shooting|sent a} {pain|it|pains|shooting pain} down {my|the} {leg|calf|foot}",
            "{moved|gone|spread|went} from my {bum|buttock|back|hip|thigh} {down|} to my {knee|calf|foot|ankle|shin|toes}",
            "{hurt|hurts|hurting|pain|pains|ache|aches|shooting|burning} down {my|the} {leg|calf|thigh|shin}")
        .Add(SymptomChange.NewNumbnessOrTingling,
            Tingle + " ..... " + LegPart, LegPart + " ..... " + Tingle,
            "{made|makes|making|gave|gives} {my|me} {foot|leg|toes|calf|feet} {tingle|tingly|numb|go numb|buzz|pins and needles}",
            "{made|makes|gave|gives} me pins and needles")
        .Add(SymptomChange.NewWeakness,
            "{leg|foot|knee|ankle|legs} ... {weak|weaker|weakness|gives way|giving way|gave way|buckled|heavy|heavier|drags|dragging|slaps|floppy}",
            "{weak|weaker|weakness} {in|down} {my|the} {leg|foot|legs|ankle}", "foot drop", "dropping my foot",
            "tripping over my foot", "foot drags", "foot dragging", "{foot|feet|toes} ... {catching|catches|catch|trips|tripping|scuffs|scuffing}")
        .Add(SymptomChange.BothLegs,
            "both legs", "both my legs", "other leg ... {too|as well|now|also}", "{my|the} other leg", "now in both", "into both legs",
            "both sides now", "both feet", "the other leg")
        .Add(SymptomChange.CloserToBack,
            "{only|just|mainly|mostly} in my {back|bum|buttock|thigh|hip} {now|again|}",
            "{moved|gone|come|coming|went|retreated|receded|moving|moved back|gone back|come back} {back|up} {into|to|towards|toward} {just|only|} my {back|bum|buttock|thigh|knee|hip}",
            "{less|not as much|not as far} {in|down} my leg", "no longer {in|down} my leg",
            "leg pain {has gone away|gone away|went away|has eased|eased|easing|is better|better|improved|is less|less|has settled}",
            "{pain|tingling|numbness} in my leg is {less|better|gone|easing}", "{centralised|centralized|centralising|centralizing}",
            "back to just my back", "no more leg pain", "leg is better", "leg feels better", "doesnt go down my leg anymore",
            "not going down my leg", "stays in my back now", "{mostly|only|just} in my back again", "moved back up",
            "not my {calf|foot|toes} {anymore|any more}", "up to my {knee|thigh|bum|buttock} now",
            "{gone|moved|come} back up to my {knee|thigh|bum|buttock}", "leg pain {s|is|has|} gone",
            "{just|only} my lower back now", "{gone|moved} from my {foot|calf|ankle|toes|shin|heel}",
            "now {just|only} in {the back of|} my {thigh|knee|bum|buttock|hip}", "stops at my {knee|thigh|bum|buttock} now",
            "instead of my {ankle|foot|calf|toes}", "not as far down", "{only|just} {goes|reaches|comes|go} {to|down to|as far as} my {thigh|knee|bum|buttock|hip}",
            "not my {calf|foot|toes|ankle|shin} {now|anymore|any more}", "{gone|moved|come} back {into|to} my {lower back|back}",
            "{leg|legs|my leg} {is|s|} clear", "{leg|legs} {is|s|are} {clear|fine now|better now}",
            // the leg symptom itself gone: "the tingling in my foot has gone, pain more in my back now"
            "{tingling|numbness|pins and needles|pain|ache|burning} in my " + LegPart + " {has gone|is gone|gone|went|went away|has stopped|stopped|cleared|has cleared|disappeared|has disappeared|has eased|eased}",
            "{more|mostly|mainly} in my {back|lower back} now");

    public static OptionWords<bool> NoneNew { get; } = new OptionWords<bool>()
        .Add(true, "no new symptoms", "nothing new", "no red flags", "none of the warning signs", "no warning signs",
            "none of those", "none of the above", "none of the symptoms", "no other symptoms", "no new problems",
            "none of the list", "nothing like that", "no symptoms", "none of the new things", "none of the new symptoms",
            "no to all the new symptoms", "no to all of those", "{new symptoms|new stuff|new things|red flags|warning signs|the list|list|symptoms} {none|nah|no|nope|nothing|n a|na}",
            "none of the new {things|stuff|symptoms} {on the list|}", "nothing on the list", "nothing from the list", "none new",
            "no red flag stuff", "no red flag", "no warning stuff", "nothing scary", "none of the scary stuff",
            "{none|no} of the {warning|new|red flag|scary} {things|signs|symptoms|stuff}", "new none", "new nothing",
            "no new symptoms of any kind", "no new symptoms at all", "nothing new to report");
}
