using StretchBot.Domain.Triage;

namespace StretchBot.Dialogs.State;

/// <summary>The stretches a user is trying, and when the bot will check in about them.</summary>
public sealed class StretchPlan
{
    public DateTimeOffset CreatedUtc { get; set; }

    public List<PlannedStretch> Stretches { get; set; } = new();

    /// <summary>Pain (0-10) when the plan was first given; check-ins compare against it.</summary>
    public int PainAtStart { get; set; }

    /// <summary>True for the smaller, gentler plan given for severe pain.</summary>
    public bool IsGentle { get; set; }

    /// <summary>The pending check-in's id (it travels with the check-in card).</summary>
    public string? CheckInId { get; set; }

    public DateTimeOffset? NextCheckInUtc { get; set; }

    /// <summary>The user's time zone when the plan was made, to state check-in times in their own time.</summary>
    public string? TimeZoneId { get; set; }

    /// <summary>How many check-ins this plan has had.</summary>
    public int CheckInCount { get; set; }

    /// <summary>Pain (0-10) at this plan's last two check-ins, oldest first: the swap rule compares the pain now with them.</summary>
    public List<int> PainAtCheckIns { get; set; } = new();

    /// <summary>Keeps the pain of the latest check-in, with the one before it (all the rules look at).</summary>
    public void RecordCheckInPain(int pain)
    {
        PainAtCheckIns.Add(pain);
        if (PainAtCheckIns.Count > 2)
        {
            PainAtCheckIns.RemoveRange(0, PainAtCheckIns.Count - 2);
        }
    }

    /// <summary>
    /// The answers the plan was made from. Check-in swaps use these, so a later "start over" that was never
    /// finished cannot strip the plan of the user's diagnoses (and their avoid-if rules). Stored only while they differ
    /// from the profile's answers (an unfinished "start over", a check-in's new red flag); otherwise the profile's
    /// copy is the plan's (see <see cref="UserProfile"/>).
    /// </summary>
    public TriageAnswers? Answers { get; set; }

    [Newtonsoft.Json.JsonIgnore]
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<string> StretchIds => Stretches.Select(s => s.StretchId);

    /// <summary>Set just before the profile is stored: the plan's answers are the profile's, so they are not stored twice.</summary>
    [Newtonsoft.Json.JsonIgnore]
    [System.Text.Json.Serialization.JsonIgnore]
    internal bool AnswersAreTheProfiles { get; set; }

    /// <summary>Newtonsoft's hook: whether <see cref="Answers"/> is written.</summary>
    public bool ShouldSerializeAnswers() => !AnswersAreTheProfiles;
}
