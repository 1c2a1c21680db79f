namespace StretchBot.Dialogs.Understanding.Readers;

/// <summary>
/// "Has a doctor or physiotherapist told you that gentle stretching is OK?" (consent) and "has a clinician
/// checked you and said gentle exercise is fine?" (clearance). Only a doctor, physiotherapist or other clinician
/// counts: "my friend said it's fine", "my trainer", "a YouTube physio", "Google" get a short explanation and the
/// question again. A no, however hedged, is a no, and so is advice against it or a visit still to come; a yes
/// is taken when it is clear ("yes", "my GP said stretching is fine"); anything less is confirmed, and so is an OK
/// from an osteopath or chiropractor ("Just to be sure: has a doctor, physiotherapist or other clinician..."): they
/// are registered in the UK, but whether they checked for the warning signs varies, so the person says so first.
/// </summary>
public sealed class ClinicianOkReader
{
    public const string NotClinicianRemark =
        "Thanks. It needs to be a doctor, physiotherapist or other clinician who has checked your back, because they " +
        "can rule out things a stretch could make worse. Has one of them said gentle stretching is OK for you?";

    private enum Cue
    {
        Clinician,
        Vague,
        SomeoneElse,
        Media,
        Approval,
        Affirmed,
        Against,
        NotYet,
        Acknowledgement,
    }

    private static readonly OptionWords<Cue> Words = new OptionWords<Cue>()
        .Add(Cue.Clinician,
            "doctor", "doctors", "dr", "doc", "docs", "gp", "my gp", "the gp", "physio", "physios", "physiotherapist",
            "physiotherapists", "physical therapist", "physical therapy", "physiotherapy", "consultant", "surgeon",
            "specialist", "orthopaedic", "orthopedic", "orthopaedics", "orthopedics", "ortho", "rheumatologist",
            "neurologist", "neurosurgeon", "oncologist", "spinal team", "spine team", "spine specialist", "spinal surgeon",
            "nurse practitioner", "practice nurse", "clinician", "physician", "hospital",
            "a and e", "a e", "emergency department", "urgent care", "walk in centre", "walk in clinic", "pain clinic",
            "pain team", "occupational therapist", "msk", "msk service", "first contact practitioner", "fcp",
            "sports doctor", "sports medicine", "registrar", "health professional", "healthcare professional",
            "medical professional", "pcp", "primary care", "family doctor", "my doctor", "the doctor", "the hospital",
            "nhs physio", "back specialist", "back clinic", "orthopaedic surgeon", "medic")
        .Add(Cue.Vague,
            "nurse", "pharmacist", "chemist", "sports therapist", "massage", "acupuncturist", "podiatrist",
            "therapist", "dentist", "vet", "physio myself", "im a physio", "im a doctor", "im a nurse", "years ago",
            "months ago", "last year", "a while ago", "a while back", "ages ago", "they", "mri", "scan", "x ray", "xray",
            "nhs 111", "111", "paramedic", "midwife", "i think", "keep moving", "keep active", "stay active", "keep going",
            "gentle exercise", "exercise", "walking", "exercises", "but", "though", "although", "except", "chiropractor",
            "chiro", "chiropractic", "osteopath", "osteo", "osteopathy", "nothing to worry about", "nothing serious",
            "all good")
        .Add(Cue.SomeoneElse,
            "friend", "friends", "mate", "mates", "pal", "family", "mum", "mom", "mother", "dad", "father", "wife",
            "husband", "partner", "boyfriend", "girlfriend", "sister", "brother", "son", "daughter", "neighbour",
            "neighbor", "colleague", "boss", "personal trainer", "trainer", "coach", "instructor", "yoga teacher",
            "pilates teacher", "pilates instructor", "yoga instructor", "massage therapist", "masseuse", "masseur",
            "myself", "i decided", "common sense", "nobody", "no one", "noone", "gym instructor", "influencer",
            "receptionist", "secretary", "teacher", "manager", "my own", "no one has", "ive been doing them", "pt",
            "sports massage", "massage guy", "massage lady", "gym guy", "personal training", "gym", "lady at the gym",
            "guy at the gym", "the lady", "a guy", "a bloke", "some bloke", "someone")
        .Add(Cue.Media,
            "google", "googled", "internet", "online", "youtube", "tiktok", "instagram", "chatgpt", "ai", "website",
            "nhs website", "article", "a book", "app", "forum", "reddit", "video", "videos", "the news", "a leaflet",
            "podcast", "facebook", "read", "read online")
        .Add(Cue.Approval,
            "said {its|it s|it is|its all|that|that s|thats|} {fine|ok|okay|good|alright|safe|great}", "said yes",
            "said go ahead", "said to go ahead", "said i can", "said i could", "said to stretch", "said stretching",
            "{recommended|suggested|advised|prescribed|gave me|showed me|taught me|printed|sent me|gave} {some|me|these|the|} {stretch|stretches|stretching|exercise|exercises|them|these}",
            "{told|asked|wants|want|encouraged} me to {stretch|exercise|do stretches|do exercises|do these|do them|try}",
            "{cleared|cleared me|signed off|signed me off|green light|all clear|go ahead|okd|okayed|approved|fine to}",
            "{stretching|exercise|exercises|stretches|it|gentle stretching|gentle exercise} {is|are|s|} {fine|ok|okay|good|safe|allowed|encouraged|recommended}",
            "{walking|movement|moving} {is|s} {good|fine|ok|okay}", "said {gentle|} {stretching|exercise|stretches|exercises}",
            "crack on", "go for it", "get on with it", "carry on",
            "fine to {stretch|exercise|do it|do them|carry on|go ahead}", "no reason not to")
        .Add(Cue.Affirmed, // "my physio did", "yes the GP has": a clinician's yes, unless something else in the reply says not yet
            "{physio|doctor|gp|doc|dr|physiotherapist|consultant|surgeon|specialist|physios|doctors} {did|has|have|had}")
        .Add(Cue.Against,
            "not to", "told me not", "said not", "advised against", "against it", "not allowed", "shouldnt",
            "should not", "said to rest", "told me to rest", "bed rest", "wait until", "wait till", "not until", "said no",
            "said wait", "to wait", "no stretching", "avoid stretching", "avoid exercise", "not ready", "avoid",
            "rest it", "not my back", "not for my back", "not about my back", "didnt look at my back", "didnt check my back",
            "for my shoulder", "for my knee", "for my neck", "for something else", "not checked", "havent checked")
        .Add(Cue.NotYet,
            "appointment", "appt", "booked", "booking", "waiting", "referral", "referred", "on the list", "going to see",
            "will see", "next week", "tomorrow", "soon", "later", "waiting list", "im seeing", "i am seeing", "results", "test results", "blood test", "havent seen",
            "not seen", "not been", "havent been", "havent asked", "not asked", "need to ask", "should ask", "will ask",
            "hasnt said", "hasnt mentioned", "didnt say", "didnt mention", "not said anything", "hasnt said anything",
            "either way", "no one has said", "nobody has said",
            "appointments") // "Appointment's next Tuesday": the apostrophe goes, so "is" reads as a plural
        .Add(Cue.Acknowledgement, "ok", "okay", "k", "kk", "sure", "fine", "alright", "cool", "thumbs up", "right", "yes ok");

    private readonly string _confirmQuestion;

    public ClinicianOkReader(string confirmQuestion)
    {
        _confirmQuestion = confirmQuestion;
    }

    public static ClinicianOkReader Consent { get; } = new(
        "Just to be sure: has a doctor, physiotherapist or other clinician told you that gentle stretching is OK for your back?");

    public static ClinicianOkReader Clearance { get; } = new(
        "Just to be sure: has a doctor or physio checked you for this and said gentle exercise is fine for you now?");

    public Reading<bool> Read(string? text)
    {
        var utterance = Words.Parse(text);
        if (utterance.IsEmpty || YesNo.IsQuestionBack(utterance))
        {
            return Reading<bool>.NotUnderstood();
        }

        var cues = Words.Find(utterance).All.Where(m => m.Said).Select(m => m.Value).ToHashSet();
        var yesNo = YesNo.Read(utterance);
        if (yesNo.SaidNo || cues.Contains(Cue.Against) || (cues.Contains(Cue.NotYet) && !cues.Contains(Cue.Approval)))
        {
            return Reading<bool>.Understood(false); // a no, however hedged, is the safe answer
        }

        var clinician = cues.Contains(Cue.Clinician) || cues.Contains(Cue.Affirmed);
        if (cues.Contains(Cue.Media) || (cues.Contains(Cue.SomeoneElse) && !clinician))
        {
            return cues.Contains(Cue.Vague) && !cues.Contains(Cue.Media) ? Confirm() : Reading<bool>.NotUnderstood(NotClinicianRemark);
        }

        var plainYes = yesNo.IsYes && yesNo.IsClear && !cues.Contains(Cue.Acknowledgement);
        var doubtful = cues.Contains(Cue.Vague) || cues.Contains(Cue.SomeoneElse) || yesNo.Hedged || yesNo.DoesNotKnow;
        if (!doubtful && ((clinician && (plainYes || cues.Contains(Cue.Approval) || cues.Contains(Cue.Affirmed))) || (plainYes && yesNo.Plain)))
        {
            return Reading<bool>.Understood(true);
        }

        return cues.Count > 0 || yesNo.IsYes || yesNo.DoesNotKnow ? Confirm() : Reading<bool>.NotUnderstood();
    }

    private Reading<bool> Confirm()
        => Reading<bool>.AskCarefully(_confirmQuestion, safeAnswer: false, Reading<bool>.Understood(true), Reading<bool>.Understood(false));
}
