namespace StretchBot.Domain.Swaps;

/// <summary>
/// How pain on the 0-10 scale has moved over the check-ins, judged by the minimal important change for back pain:
/// 2 points or 30 % of the earlier score (Ostelo et al., Spine 2008; docs/clinical-rules.md).
/// </summary>
public static class PainTrend
{
    /// <summary>A change of this many points or more matters.</summary>
    public const int MinimalImportantPoints = 2;

    /// <summary>A change of this share of the earlier score or more matters (at least one point; not from 0).</summary>
    public const double MinimalImportantFraction = 0.3;

    /// <summary>Pain at or above this, not clearly better over two check-ins, is flagged.</summary>
    public const int SeverePain = 8;

    /// <summary>True when pain went up from <paramref name="before"/> to <paramref name="now"/> by a change that matters.</summary>
    public static bool RoseMeaningfully(int before, int now) => IsImportantChange(before, now - before);

    /// <summary>True when pain went down from <paramref name="before"/> to <paramref name="now"/> by a change that matters.</summary>
    public static bool FellMeaningfully(int before, int now) => IsImportantChange(before, before - now);

    /// <summary>
    /// What the pain at this check-in says, against the start, the last check-in and two check-ins back.
    /// </summary>
    /// <param name="atStart">Pain when the plan started.</param>
    /// <param name="earlierCheckIns">Pain at each earlier check-in of this plan, oldest first.</param>
    /// <param name="now">Pain now.</param>
    public static IReadOnlyList<PainSignal> Assess(int atStart, IReadOnlyList<int> earlierCheckIns, int now)
    {
        ArgumentNullException.ThrowIfNull(earlierCheckIns);
        var signals = new List<PainSignal>();
        if (RoseMeaningfully(atStart, now))
        {
            signals.Add(PainSignal.RoseSinceStart);
        }

        if (earlierCheckIns.Count > 0 && RoseMeaningfully(earlierCheckIns[^1], now))
        {
            signals.Add(PainSignal.RoseSinceLastCheckIn);
        }

        // Two check-ins back: the start at the second check-in, then the check-in before last.
        if (now >= SeverePain && earlierCheckIns.Count > 0)
        {
            var twoBack = earlierCheckIns.Count == 1 ? atStart : earlierCheckIns[^2];
            if (!FellMeaningfully(twoBack, now))
            {
                signals.Add(PainSignal.SevereAndNotImproving);
            }
        }

        return signals;
    }

    // From 0 a share means nothing, so only the points count.
    private static bool IsImportantChange(int from, int change)
        => change >= MinimalImportantPoints || (from > 0 && change >= 1 && change >= MinimalImportantFraction * from);
}

/// <summary>A pain movement a clinician would want to hear about.</summary>
public enum PainSignal
{
    /// <summary>Pain rose by a change that matters since the plan started.</summary>
    RoseSinceStart,

    /// <summary>Pain rose by a change that matters since the last check-in.</summary>
    RoseSinceLastCheckIn,

    /// <summary>Pain of 8 or more that has not clearly improved over two check-ins.</summary>
    SevereAndNotImproving,
}
