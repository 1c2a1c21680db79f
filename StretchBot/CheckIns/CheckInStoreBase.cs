using System.Data.Common;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using StretchBot.Dialogs.CheckIns;
using StretchBot.Dialogs.Privacy;
using StretchBot.Storage;

namespace StretchBot.CheckIns;

/// <summary>
/// The check-in schedule's rules, written once in SQL both SQLite and PostgreSQL speak (see <see cref="IStoreDatabase"/>).
/// A provider supplies how to claim due messages (one dispatcher per message) and, if its database does not serialise
/// writers by itself, how to serialise two schedule changes of one user.
/// </summary>
public abstract class CheckInStoreBase : ICheckInStore
{
    /// <summary>The statuses of a check-in that may still send something or await an answer.</summary>
    protected const string Open = "('Pending','Sent')";

    /// <summary>
    /// What the per-pass cap counts by: the tenant, or for users without one (Web Chat, Direct Line) their own
    /// conversation, never the channel as a whole. Computed from the columns, so rows stored before this rule
    /// (spread_key "channel:...") follow it too.
    /// </summary>
    protected const string SpreadExpression =
        "CASE WHEN tenant_id IS NOT NULL AND tenant_id <> '' THEN 'tenant:' || tenant_id ELSE 'conversation:' || COALESCE(channel_id, '') || '/' || COALESCE(conversation_id, id) END";

    /// <summary>The conditions that make a row's next message due now and free to claim.</summary>
    protected const string DueAndFree = $"""
        next_due_utc IS NOT NULL AND next_due_utc <= @now
        AND status IN {Open}
        AND (lease_until_utc IS NULL OR lease_until_utc <= @now)
        AND (next_attempt_utc IS NULL OR next_attempt_utc <= @now)
        """;

    /// <summary>What a claim sets and returns.</summary>
    protected const string ClaimSet = "lease_owner = @owner, lease_until_utc = @lease_until, attempts = attempts + 1, updated_utc = @now";

    protected const string ClaimReturning = $"id, user_id, next_kind, conversation_reference, {SpreadExpression}, attempts, next_due_utc";

    /// <summary>A user's new check-in (parameters @id, @user, @channel, @conversation, @reference, @tenant, @spread, @due, @now).</summary>
    protected const string InsertCheckIn = """
        INSERT INTO check_ins (id, user_id, channel_id, conversation_id, conversation_reference, tenant_id, spread_key,
                               due_utc, status, next_kind, next_due_utc, created_utc, updated_utc)
        VALUES (@id, @user, @channel, @conversation, @reference, @tenant, @spread,
                @due, 'Pending', 'CheckIn', @due, @now, @now)
        """;

    /// <summary>The columns that make a row send nothing more and belong to no dispatcher.</summary>
    private const string Idle = "next_due_utc = NULL, lease_owner = NULL, lease_until_utc = NULL, next_attempt_utc = NULL, updated_utc = @now";

    protected CheckInStoreBase(IStoreDatabase database, CheckInSchedule schedule, TimeProvider timeProvider)
    {
        Database = database ?? throw new ArgumentNullException(nameof(database));
        Schedule = schedule ?? throw new ArgumentNullException(nameof(schedule));
        Time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    protected IStoreDatabase Database { get; }

    protected CheckInSchedule Schedule { get; }

    protected TimeProvider Time { get; }

    /// <inheritdoc />
    public async Task<ScheduledCheckIn> ScheduleAsync(string userId, ConversationReference reference, DateTimeOffset dueUtc, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(reference);

        var id = Guid.NewGuid().ToString("N");
        var due = ToUnix(dueUtc);

        // Starting over replaces the user's schedule: whatever they had (open or finished) goes.
        SqlStatement insert = new(
            InsertCheckIn,
                ("@id", id),
                ("@user", userId),
                ("@channel", reference.ChannelId),
                ("@conversation", reference.Conversation?.Id),
                ("@reference", JsonConvert.SerializeObject(reference)),
                ("@tenant", reference.Conversation?.TenantId),
                ("@spread", SpreadKey(reference)),
                ("@due", due),
                ("@now", ToUnix(Time.GetUtcNow())));
        await Database.ExecuteInTransactionAsync(
            [.. SerialiseUser(userId), new SqlStatement("DELETE FROM check_ins WHERE user_id = @user", ("@user", userId)), insert],
            cancellationToken).ConfigureAwait(false);
        return new ScheduledCheckIn(id, userId, FromUnix(due));
    }

    /// <inheritdoc />
    public async Task<ScheduledCheckIn?> GetPendingAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var rows = await Database.QueryAsync(
            $"SELECT id, due_utc FROM check_ins WHERE user_id = @user AND status IN {Open} LIMIT 1;",
            reader => new ScheduledCheckIn(reader.GetString(0), userId, FromUnix(reader.GetInt64(1))),
            cancellationToken,
            ("@user", userId)).ConfigureAwait(false);
        return rows.FirstOrDefault();
    }

    /// <inheritdoc />
    public Task MarkAnsweredAsync(string checkInId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(checkInId);
        return Database.ExecuteAsync(
            $"UPDATE check_ins SET status = 'Answered', {Idle} WHERE id = @id AND status IN {Open};",
            cancellationToken,
            ("@id", checkInId),
            ("@now", ToUnix(Time.GetUtcNow())));
    }

    /// <inheritdoc />
    public async Task<bool> CancelAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return await Database.ExecuteAsync(
            $"UPDATE check_ins SET status = 'Cancelled', {Idle} WHERE user_id = @user AND status IN {Open};",
            cancellationToken,
            ("@user", userId),
            ("@now", ToUnix(Time.GetUtcNow()))).ConfigureAwait(false) > 0;
    }

    /// <summary>"Delete my data": removes every check-in row of the user, whatever its state.</summary>
    public Task EraseAsync(PersonalDataOwner owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);

        // The scheduler is keyed by UserKey ("channel/id"); accept the bare channel user id as well.
        return Database.ExecuteAsync(
            "DELETE FROM check_ins WHERE user_id = @user OR user_id = @key;",
            cancellationToken,
            ("@user", owner.UserId),
            ("@key", $"{owner.ChannelId}/{owner.UserId}"));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ClaimedCheckIn>> ClaimDueAsync(DateTimeOffset now, string owner, TimeSpan lease, int max, int maxPerTenant, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        if (max <= 0 || maxPerTenant <= 0)
        {
            return [];
        }

        var claimed = await ClaimRowsAsync(
            [
                ("@owner", owner),
                ("@lease_until", ToUnix(now + lease)),
                ("@now", ToUnix(now)),
                ("@per_tenant", maxPerTenant),
                ("@max", max),
            ],
            max,
            cancellationToken).ConfigureAwait(false);
        return claimed.OrderBy(c => c.DueUtc).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
    }

    /// <inheritdoc />
    public async Task<bool> CompleteSendAsync(string id, CheckInMessageKind kind, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var now = Time.GetUtcNow();
        var changed = kind switch
        {
            CheckInMessageKind.CheckIn => await Database.ExecuteAsync(
                """
                UPDATE check_ins
                SET status = 'Sent', next_kind = 'Reminder', next_due_utc = @reminder_due, sent_utc = @now,
                    lease_owner = NULL, lease_until_utc = NULL, attempts = 0, next_attempt_utc = NULL, updated_utc = @now
                WHERE id = @id AND status = 'Pending' AND next_kind = 'CheckIn';
                """,
                cancellationToken,
                ("@id", id),
                ("@reminder_due", ToUnix(Schedule.ReminderDue(now))),
                ("@now", ToUnix(now))).ConfigureAwait(false),
            CheckInMessageKind.Reminder => await Database.ExecuteAsync(
                """
                UPDATE check_ins
                SET reminder_sent = true, next_due_utc = NULL,
                    lease_owner = NULL, lease_until_utc = NULL, attempts = 0, next_attempt_utc = NULL, updated_utc = @now
                WHERE id = @id AND status = 'Sent' AND next_kind = 'Reminder';
                """,
                cancellationToken,
                ("@id", id),
                ("@now", ToUnix(now))).ConfigureAwait(false),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        return changed > 0;
    }

    /// <inheritdoc />
    public Task ReleaseForRetryAsync(string id, DateTimeOffset nextAttemptUtc, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Database.ExecuteAsync(
            $"""
            UPDATE check_ins
            SET lease_owner = NULL, lease_until_utc = NULL, next_attempt_utc = @next_attempt, updated_utc = @now
            WHERE id = @id AND status IN {Open};
            """,
            cancellationToken,
            ("@id", id),
            ("@next_attempt", ToUnix(nextAttemptUtc)),
            ("@now", ToUnix(Time.GetUtcNow())));
    }

    /// <inheritdoc />
    public Task GiveUpAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return Database.ExecuteAsync(
            $"""
            UPDATE check_ins
            SET status = CASE WHEN status = 'Pending' THEN 'Ended' ELSE status END, {Idle}
            WHERE id = @id AND status IN {Open};
            """,
            cancellationToken,
            ("@id", id),
            ("@now", ToUnix(Time.GetUtcNow())));
    }

    /// <inheritdoc />
    public async Task<bool> EndScheduleAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return await Database.ExecuteAsync(
            $"UPDATE check_ins SET status = 'Ended', {Idle} WHERE user_id = @user AND status IN {Open};",
            cancellationToken,
            ("@user", userId),
            ("@now", ToUnix(Time.GetUtcNow()))).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc />
    public Task<int> PurgeClosedAsync(DateTimeOffset closedBeforeUtc, CancellationToken cancellationToken) =>
        Database.ExecuteAsync(
            $"DELETE FROM check_ins WHERE status NOT IN {Open} AND updated_utc <= @cutoff;",
            cancellationToken,
            ("@cutoff", ToUnix(closedBeforeUtc)));

    /// <inheritdoc />
    public async Task<CheckInRecord?> FindAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var rows = await Database.QueryAsync(
            """
            SELECT id, user_id, status, due_utc, next_kind, next_due_utc, reminder_sent, attempts, spread_key
            FROM check_ins WHERE id = @id;
            """,
            reader => new CheckInRecord(
                reader.GetString(0),
                reader.GetString(1),
                Enum.Parse<CheckInStatus>(reader.GetString(2)),
                FromUnix(reader.GetInt64(3)),
                Enum.Parse<CheckInMessageKind>(reader.GetString(4)),
                reader.IsDBNull(5) ? null : FromUnix(reader.GetInt64(5)),
                reader.GetBoolean(6),
                reader.GetInt32(7),
                reader.GetString(8)),
            cancellationToken,
            ("@id", id)).ConfigureAwait(false);
        return rows.FirstOrDefault();
    }

    /// <summary>
    /// What a schedule change runs first in its transaction so that two changes of one user take turns (the second
    /// then deletes the first's row instead of running into the one-open-check-in index). None when the database
    /// serialises writers already.
    /// </summary>
    protected virtual IEnumerable<SqlStatement> SerialiseUser(string userId) => [];

    /// <summary>
    /// Sets <see cref="ClaimSet"/> on up to <paramref name="max"/> rows that are <see cref="DueAndFree"/>, at most
    /// @per_tenant per <see cref="SpreadExpression"/>, earliest due first, and returns <see cref="ClaimReturning"/>
    /// (read with <see cref="ReadClaimed"/>); no row may be claimed by two callers.
    /// </summary>
    protected abstract Task<List<ClaimedCheckIn>> ClaimRowsAsync((string Name, object? Value)[] parameters, int max, CancellationToken cancellationToken);

    /// <summary>A row of <see cref="ClaimReturning"/>.</summary>
    protected static ClaimedCheckIn ReadClaimed(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        Enum.Parse<CheckInMessageKind>(reader.GetString(2)),
        ReadReference(reader.GetString(3)),
        reader.GetString(4),
        reader.GetInt32(5),
        FromUnix(reader.GetInt64(6)));

    private static string SpreadKey(ConversationReference reference)
    {
        var tenant = reference.Conversation?.TenantId;
        if (!string.IsNullOrWhiteSpace(tenant))
        {
            return "tenant:" + tenant;
        }

        return $"conversation:{reference.ChannelId}/{reference.Conversation?.Id}";
    }

    private static ConversationReference? ReadReference(string json)
    {
        try
        {
            return JsonConvert.DeserializeObject<ConversationReference>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static long ToUnix(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    private static DateTimeOffset FromUnix(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);
}
