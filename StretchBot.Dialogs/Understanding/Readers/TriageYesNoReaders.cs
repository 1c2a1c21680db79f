namespace StretchBot.Dialogs.Understanding.Readers;

/// <summary>The triage's yes/no questions, each with its own everyday words.</summary>
public static class TriageYesNoReaders
{
    /// <summary>"Can you get down onto the floor and back up again safely, without help?" Any sign of difficulty is a no.</summary>
    public static YesNoQuestionReader Floor { get; } = new(
        new OptionWords<bool>()
            .Add(true,
                "i can", "yes i can", "easily", "no problem", "no problems", "no bother", "no issues", "no issue", "fine",
                "get up", "back up", "get back up", "get down and up", "up and down", "do it all the time",
                "sit on the floor", "on the floor all the time", "play on the floor", "yoga", "pilates", "no trouble",
                "can do", "able to", "manage", "i manage", "without help", "on my own", "by myself", "independently",
                "easy", "simple", "no worries", "not a problem", "of course")
            .AddVague(true, "get down", "get down ok", "get down fine", "down ok")
            .Add(false,
                "with help", "need help", "needs help", "need a hand", "help", "a hand", "chair", "holding on",
                "hold onto", "hold on", "holding onto", "furniture", "the sofa", "the bed", "struggle", "struggling",
                "struggled", "difficult", "difficulty", "hard", "tricky", "cant get up", "cant get back up", "stuck",
                "get stuck", "got stuck", "wouldnt", "not easily", "no way", "bad knees", "knees", "my knees", "cant kneel",
                "kneel", "not safely", "unsafe", "risky", "dizzy", "wobbly", "unsteady", "not without", "only with",
                "walking stick", "stick", "frame", "zimmer", "crawl", "takes ages", "painful", "hurts", "agony", "scared",
                "afraid", "worried", "nervous", "fall", "falling", "fell", "carer", "husband helps", "wife helps", "problem",
                "the problem", "is the problem", "issue", "trouble", "too painful", "too sore", "not able", "unable",
                "someone to help", "pull myself up", "haul myself up", "not a chance", "on all fours to get up", "not since",
                "rather not", "rather stand", "id rather", "prefer not", "not keen", "avoid the floor", "stay off the floor",
                "wheelchair", "wheelchair user", "crutches", "bed bound", "housebound",
                "used to", "not any more", "not anymore", "no longer"), // could once, not now
        "Just to be sure: can you get down onto the floor and back up again safely, on your own?",
        noWins: true);

    /// <summary>"Do you sit for long periods, for example at a desk or driving?"</summary>
    public static YesNoQuestionReader Sitting { get; } = new(
        new OptionWords<bool>()
            .Add(true,
                "desk", "desk job", "at a desk", "at my desk", "office", "office job", "computer", "laptop", "screen",
                "sit all day", "sitting all day", "sat all day", "sit a lot", "sat down all day", "sitting down all day",
                "long periods", "hours", "for hours", "long hours", "hours at a time", "most of the day",
                "driver", "driving", "drive", "drive for a living", "lorry", "truck", "trucker", "taxi", "uber", "cab",
                "bus driver", "van", "delivery driver", "commute", "commuting", "long drives", "gaming", "gamer", "games",
                "student", "studying", "study", "work from home", "wfh", "home working", "remote", "tv", "telly", "sofa",
                "couch", "meetings", "call centre", "admin", "receptionist", "programmer", "developer", "accountant",
                "writer", "sit", "sitting", "sat", "seated", "sedentary", "zoom", "teams calls", "wheelchair", "chair")
            .Add(false,
                "on my feet", "stand all day", "standing all day", "stand", "standing", "standing job", "stood",
                "active job", "builder", "labourer", "retail", "shop floor", "warehouse", "walk around", "walking around",
                "up and about", "move around", "moving around", "standing desk", "never sit", "rarely sit", "not much",
                "not long", "move about", "nurse", "care worker", "carer", "postman", "postwoman", "waiter", "waitress",
                "chef", "teacher", "hairdresser", "farmer", "gardener", "cleaner", "plumber", "electrician", "mechanic",
                "construction", "trades", "tradesman", "keep moving", "get up often", "break it up", "take breaks",
                "retired and active", "busy", "potter", "pottering", "potter about", "active", "on the go", "run around",
                "running around", "walk a lot", "standing desk", "sit stand desk", "garden", "gardening", "in the garden",
                "mostly pottering", "on the move"),
        "Just to check: do you sit for long periods?");

    /// <summary>"Do you run, for exercise or sport?" Running in the past ("I used to") is a no.</summary>
    public static YesNoQuestionReader Running { get; } = new(
        new OptionWords<bool>()
            .Add(true,
                "run", "runs", "running", "ran", "jog", "jogs", "jogging", "jogger", "runner", "parkrun", "park run",
                "marathon", "marathons", "half marathon", "half marathons", "5k", "10k", "5ks", "10ks", "sprint", "sprints",
                "sprinting", "treadmill", "cross country", "trail running", "trail runs", "fell running", "couch to 5k",
                "c25k", "track", "athletics", "triathlon", "triathlons", "ultra", "ultras", "running club", "club runner",
                "football", "rugby", "netball", "hockey", "tennis", "squash", "basketball", "sprinter",
                "treadmill at the gym", "running machine", "on the treadmill at the gym") // the gym is the place, running the sport
            .Add(false,
                "used to", "no longer", "not anymore", "not any more", "anymore", "any more", "gave up", "given up",
                "stopped", "not since", "havent since", "had to stop", "years ago", "in the past", "back in the day",
                "walk", "walking", "walker", "hiking", "swim", "swimming", "cycle", "cycling", "bike", "gym", "weights",
                "yoga", "pilates", "dance", "dancing", "golf", "bowls", "rowing", "only to catch the bus",
                "only for the bus", "only if chased", "not a runner", "hate running", "never run", "couldnt run",
                // wanting to start is not running yet: "I'd like to start"
                "like to start", "want to start", "wanting to start", "thinking of starting", "thinking about starting",
                "planning to start", "hoping to start", "would like to", "id like to", "thinking about it"),
        "Just to check: do you run, for exercise or sport?");

    static TriageYesNoReaders()
    {
        Running.NotToBeConfusedWith(Sitting.Vocabulary);
        Sitting.NotToBeConfusedWith(Running.Vocabulary);
    }
}
