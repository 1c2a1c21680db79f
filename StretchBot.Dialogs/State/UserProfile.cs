using System.Runtime.Serialization;
using Newtonsoft.Json;
using StretchBot.Domain.Swaps;
using StretchBot.Domain.Triage;

namespace StretchBot.Dialogs.State;

/// <summary>
/// Everything the bot keeps about a user, in user state. It is health data: it is never logged and
/// "delete my data" removes all of it.
/// </summary>
/// <remarks>
/// Stored compactly: the current plan's answers are written only when they differ from <see cref="Answers"/> (so
/// after a plan there is one copy, and during an unfinished "start over" the plan keeps its own); on reading, a plan
/// without answers gets a copy of the profile's. State stored in the older shape (the plan always carrying its
/// answers, red-flag "no" answers, nulls) reads as before.
/// </remarks>
public sealed class UserProfile
{
    /// <summary>Keep at most this many past plans.</summary>
    public const int MaxPastPlans = 10;

    /// <summary>The answers of the current (or last) triage, including consent and its time.</summary>
    public TriageAnswers Answers { get; set; } = new();

    public StretchPlan? CurrentPlan { get; set; }

    public List<StretchPlan> PastPlans { get; set; } = new();

    /// <summary>Stretches this user has reported as making things worse; never offered again.</summary>
    public List<string> FoundWorse { get; set; } = new();

    /// <summary>The previous check-in's feedback per stretch (for "the same two check-ins in a row").</summary>
    public Dictionary<string, Feedback> LastFeedback { get; set; } = new();

    /// <summary>The check-in most recently shown, so a repeated delivery is not shown twice.</summary>
    public string? LastShownCheckInId { get; set; }

    /// <summary>The check-in most recently answered.</summary>
    public string? LastAnsweredCheckInId { get; set; }

    /// <summary>The last safety stop, until a new plan is given; a returning user and "my plan" are told about it.</summary>
    public SafetyStopRecord? LastStop { get; set; }

    /// <summary>The user said "stop check-ins".</summary>
    public bool CheckInsStopped { get; set; }

    /// <summary>Keep at most this many conversation keys.</summary>
    public const int MaxConversations = 20;

    /// <summary>
    /// The storage keys of this user's conversations' state (a Teams user can have several), so "delete my data"
    /// clears every one of them, not only the conversation it was asked in.
    /// </summary>
    public List<string> ConversationStateKeys { get; set; } = new();

    public void RememberConversation(string conversationStateKey)
    {
        if (ConversationStateKeys.Contains(conversationStateKey))
        {
            return;
        }

        ConversationStateKeys.Insert(0, conversationStateKey);
        if (ConversationStateKeys.Count > MaxConversations)
        {
            ConversationStateKeys.RemoveRange(MaxConversations, ConversationStateKeys.Count - MaxConversations);
        }
    }

    public void ReplacePlan(StretchPlan? plan)
    {
        if (CurrentPlan is not null)
        {
            // Nothing reads a past plan's answers (swaps use the current plan's): keep no copy of them.
            CurrentPlan.Answers = null;
            PastPlans.Insert(0, CurrentPlan);
            if (PastPlans.Count > MaxPastPlans)
            {
                PastPlans.RemoveRange(MaxPastPlans, PastPlans.Count - MaxPastPlans);
            }
        }

        CurrentPlan = plan;
    }

    [OnSerializing]
    internal void OnSerializing(StreamingContext context)
    {
        if (CurrentPlan is { } plan)
        {
            plan.AnswersAreTheProfiles = plan.Answers is null || SameAnswers(plan.Answers, Answers);
        }
    }

    [OnSerialized]
    internal void OnSerialized(StreamingContext context)
    {
        if (CurrentPlan is { } plan)
        {
            plan.AnswersAreTheProfiles = false;
        }
    }

    [OnDeserialized]
    internal void OnDeserialized(StreamingContext context)
    {
        if (CurrentPlan is { Answers: null } plan)
        {
            plan.Answers = Answers.Clone();
        }
    }

    private static bool SameAnswers(Domain.Triage.TriageAnswers a, Domain.Triage.TriageAnswers b)
        => ReferenceEquals(a, b) || JsonConvert.SerializeObject(a, StateJson.Settings) == JsonConvert.SerializeObject(b, StateJson.Settings);
}
