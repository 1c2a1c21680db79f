using Microsoft.Bot.Schema;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json;
using StretchBot.Dialogs.CheckIns;
using StretchBot.Dialogs.Privacy;
using StretchBot.Storage;
using StretchBot.Storage.Sqlite;

namespace StretchBot.CheckIns;

/// <summary>
/// The durable check-in schedule in SQLite, shared by every bot instance that opens the same database file.
/// The conversation schedules, answers and cancels check-ins through <see cref="ICheckInScheduler"/>; the
/// dispatcher claims due messages with a lease (<see cref="ClaimDueAsync"/>), sends them, and completes or
/// releases them. A user never has more than one open check-in (pending, or sent and awaiting an answer).
/// </summary>
public sealed class SqliteCheckInStore : ICheckInScheduler, IPersonalDataEraser
{
    private const string Open = "('Pending','Sent')";

    private readonly SqliteDatabase _database;
    private readonly CheckInSchedule _schedule;
    private readonly TimeProvider _time;

    /// <summary>The schedule in the shared database (its table is schema version 2 of <see cref="SqliteSchema"/>).</summary>
    public SqliteCheckInStore(SqliteDatabase database, CheckInSchedule schedule, TimeProvider timeProvider)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _schedule = schedule ?? throw new ArgumentNullException(nameof(schedule));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string naming a file every instance shares.</param>
    public SqliteCheckInStore(string connectionString, CheckInSchedule schedule, TimeProvider timeProvider)
        : this(new SqliteDatabase(connectionString, new StorageOptions().BusyTimeoutMilliseconds), schedule, timeProvider)
    {
    }

    /// <inheritdoc />
    public async Task<ScheduledCheckIn> ScheduleAsync(string userId, ConversationReference reference, DateTimeOffset dueUtc, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(reference);

        var id = Guid.NewGuid().ToString("N");
        var due = ToUnix(dueUtc);
        var now = ToUnix(_time.GetUtcNow());
        var tenantId = reference.Conversation?.TenantId;

        // One IMMEDIATE transaction on the writer path, so two instances scheduling for one user serialise.
        await _database.WriteAsync<bool>(
            async (connection, transaction, ct) =>
            {
                // Starting over replaces the user's schedule: whatever they had (open or finished) goes.
                await using (var delete = Command(connection, transaction, "DELETE FROM check_ins WHERE user_id = $user;"))
                {
                    delete.Parameters.AddWithValue("$user", userId);
                    await delete.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                await using var insert = Command(connection, transaction, """
                    INSERT INTO check_ins (id, user_id, channel_id, conversation_id, conversation_reference, tenant_id, spread_key,
                                           due_utc, status, next_kind, next_due_utc, created_utc, updated_utc)
                    VALUES ($id, $user, $channel, $conversation, $reference, $tenant, $spread,
                            $due, 'Pending', 'CheckIn', $due, $now, $now);
                    """);
                insert.Parameters.AddWithValue("$id", id);
                insert.Parameters.AddWithValue("$user", userId);
                insert.Parameters.AddWithValue("$channel", (object?)reference.ChannelId ?? DBNull.Value);
                insert.Parameters.AddWithValue("$conversation", (object?)reference.Conversation?.Id ?? DBNull.Value);
                insert.Parameters.AddWithValue("$reference", JsonConvert.SerializeObject(reference));
                insert.Parameters.AddWithValue("$tenant", (object?)tenantId ?? DBNull.Value);
                insert.Parameters.AddWithValue("$spread", SpreadKey(reference));
                insert.Parameters.AddWithValue("$due", due);
                insert.Parameters.AddWithValue("$now", now);
                await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
        return new ScheduledCheckIn(id, userId, FromUnix(due));
    }

    /// <inheritdoc />
    public async Task<ScheduledCheckIn?> GetPendingAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        await using var lease = await _database.ReadAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(lease.Connection, null, $"SELECT id, due_utc FROM check_ins WHERE user_id = $user AND status IN {Open} LIMIT 1;");
        command.Parameters.AddWithValue("$user", userId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new ScheduledCheckIn(reader.GetString(0), userId, FromUnix(reader.GetInt64(1)));
    }

    /// <inheritdoc />
    public async Task MarkAnsweredAsync(string checkInId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(checkInId);
        await ExecuteAsync(
            $"UPDATE check_ins SET status = 'Answered', {Idle} WHERE id = $id AND status IN {Open};",
            cancellationToken,
            ("$id", checkInId),
            ("$now", ToUnix(_time.GetUtcNow()))).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> CancelAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var changed = await ExecuteAsync(
            $"UPDATE check_ins SET status = 'Cancelled', {Idle} WHERE user_id = $user AND status IN {Open};",
            cancellationToken,
            ("$user", userId),
            ("$now", ToUnix(_time.GetUtcNow()))).ConfigureAwait(false);
        return changed > 0;
    }

    /// <summary>"Delete my data": removes every check-in row of the user, whatever its state.</summary>
    public async Task EraseAsync(PersonalDataOwner owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);

        // The scheduler is keyed by UserKey ("channel/id"); accept the bare channel user id as well.
        await ExecuteAsync(
            "DELETE FROM check_ins WHERE user_id = $user OR user_id = $key;",
            cancellationToken,
            ("$user", owner.UserId),
            ("$key", $"{owner.ChannelId}/{owner.UserId}")).ConfigureAwait(false);
    }

    /// <summary>
    /// Leases up to <paramref name="max"/> due messages to <paramref name="owner"/> until now + <paramref name="lease"/>,
    /// at most <paramref name="maxPerTenant"/> per tenant, earliest first. One UPDATE ... RETURNING: SQLite runs it
    /// under the database's write lock, so two dispatchers on one file never claim the same message. A message whose
    /// lease ran out (its dispatcher died before finishing) is claimable again.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedCheckIn>> ClaimDueAsync(DateTimeOffset now, string owner, TimeSpan lease, int max, int maxPerTenant, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        if (max <= 0 || maxPerTenant <= 0)
        {
            return [];
        }

        var nowUnix = ToUnix(now);
        var claimed = await _database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = Command(connection, transaction, $"""
                    UPDATE check_ins
                    SET lease_owner = $owner, lease_until_utc = $lease_until, attempts = attempts + 1, updated_utc = $now
                    WHERE id IN (
                        SELECT id FROM (
                            SELECT id, next_due_utc,
                                   ROW_NUMBER() OVER (PARTITION BY {SpreadExpression} ORDER BY next_due_utc, id) AS rank_in_tenant
                            FROM check_ins
                            WHERE next_due_utc IS NOT NULL AND next_due_utc <= $now
                              AND status IN {Open}
                              AND (lease_until_utc IS NULL OR lease_until_utc <= $now)
                              AND (next_attempt_utc IS NULL OR next_attempt_utc <= $now))
                        WHERE rank_in_tenant <= $per_tenant
                        ORDER BY next_due_utc, id
                        LIMIT $max)
                    RETURNING id, user_id, next_kind, conversation_reference, {SpreadExpression}, attempts, next_due_utc;
                    """);
                command.Parameters.AddWithValue("$owner", owner);
                command.Parameters.AddWithValue("$lease_until", ToUnix(now + lease));
                command.Parameters.AddWithValue("$now", nowUnix);
                command.Parameters.AddWithValue("$per_tenant", maxPerTenant);
                command.Parameters.AddWithValue("$max", max);

                var rows = new List<ClaimedCheckIn>();
                await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(ct).ConfigureAwait(false))
                    {
                        rows.Add(new ClaimedCheckIn(
                            reader.GetString(0),
                            reader.GetString(1),
                            ParseKind(reader.GetString(2)),
                            ReadReference(reader.GetString(3)),
                            reader.GetString(4),
                            reader.GetInt32(5),
                            FromUnix(reader.GetInt64(6))));
                    }
                }

                return rows;
            },
            cancellationToken).ConfigureAwait(false);

        return claimed.OrderBy(c => c.DueUtc).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// A claimed message reached the user. After the check-in itself the row awaits the answer and the single
    /// reminder falls due <see cref="CheckInOptions.ReminderAfter"/> later; after the reminder nothing more is
    /// sent until the user comes back. Returns false when the check-in was answered, cancelled, replaced or erased
    /// meanwhile (nothing to update).
    /// </summary>
    public async Task<bool> CompleteSendAsync(string id, CheckInMessageKind kind, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var now = _time.GetUtcNow();
        var changed = kind switch
        {
            CheckInMessageKind.CheckIn => await ExecuteAsync(
                """
                UPDATE check_ins
                SET status = 'Sent', next_kind = 'Reminder', next_due_utc = $reminder_due, sent_utc = $now,
                    lease_owner = NULL, lease_until_utc = NULL, attempts = 0, next_attempt_utc = NULL, updated_utc = $now
                WHERE id = $id AND status = 'Pending' AND next_kind = 'CheckIn';
                """,
                cancellationToken,
                ("$id", id),
                ("$reminder_due", ToUnix(_schedule.ReminderDue(now))),
                ("$now", ToUnix(now))).ConfigureAwait(false),
            CheckInMessageKind.Reminder => await ExecuteAsync(
                """
                UPDATE check_ins
                SET reminder_sent = 1, next_due_utc = NULL,
                    lease_owner = NULL, lease_until_utc = NULL, attempts = 0, next_attempt_utc = NULL, updated_utc = $now
                WHERE id = $id AND status = 'Sent' AND next_kind = 'Reminder';
                """,
                cancellationToken,
                ("$id", id),
                ("$now", ToUnix(now))).ConfigureAwait(false),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        return changed > 0;
    }

    /// <summary>A send failed for a passing reason: free the lease and let the message be claimed again from <paramref name="nextAttemptUtc"/>.</summary>
    public async Task ReleaseForRetryAsync(string id, DateTimeOffset nextAttemptUtc, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        await ExecuteAsync(
            $"""
            UPDATE check_ins
            SET lease_owner = NULL, lease_until_utc = NULL, next_attempt_utc = $next_attempt, updated_utc = $now
            WHERE id = $id AND status IN {Open};
            """,
            cancellationToken,
            ("$id", id),
            ("$next_attempt", ToUnix(nextAttemptUtc)),
            ("$now", ToUnix(_time.GetUtcNow()))).ConfigureAwait(false);
    }

    /// <summary>
    /// Stops trying to send this message. An unsent check-in ends (the user hears nothing until they come back);
    /// an unsent reminder is dropped and the check-in still awaits its answer.
    /// </summary>
    public async Task GiveUpAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        await ExecuteAsync(
            $"""
            UPDATE check_ins
            SET status = CASE WHEN status = 'Pending' THEN 'Ended' ELSE status END, {Idle}
            WHERE id = $id AND status IN {Open};
            """,
            cancellationToken,
            ("$id", id),
            ("$now", ToUnix(_time.GetUtcNow()))).ConfigureAwait(false);
    }

    /// <summary>The bot can no longer reach the user (403 removed/blocked, 404 conversation gone): end their schedule.</summary>
    public async Task<bool> EndScheduleAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var changed = await ExecuteAsync(
            $"UPDATE check_ins SET status = 'Ended', {Idle} WHERE user_id = $user AND status IN {Open};",
            cancellationToken,
            ("$user", userId),
            ("$now", ToUnix(_time.GetUtcNow()))).ConfigureAwait(false);
        return changed > 0;
    }

    /// <summary>Deletes answered, cancelled and ended check-ins closed before <paramref name="closedBeforeUtc"/>; returns how many.</summary>
    public Task<int> PurgeClosedAsync(DateTimeOffset closedBeforeUtc, CancellationToken cancellationToken) =>
        ExecuteAsync(
            $"DELETE FROM check_ins WHERE status NOT IN {Open} AND updated_utc <= $cutoff;",
            cancellationToken,
            ("$cutoff", ToUnix(closedBeforeUtc)));

    /// <summary>The stored check-in with this id, if any.</summary>
    public async Task<CheckInRecord?> FindAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        await using var lease = await _database.ReadAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(lease.Connection, null, """
            SELECT id, user_id, status, due_utc, next_kind, next_due_utc, reminder_sent, attempts, spread_key
            FROM check_ins WHERE id = $id;
            """);
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new CheckInRecord(
            reader.GetString(0),
            reader.GetString(1),
            Enum.Parse<CheckInStatus>(reader.GetString(2)),
            FromUnix(reader.GetInt64(3)),
            ParseKind(reader.GetString(4)),
            reader.IsDBNull(5) ? null : FromUnix(reader.GetInt64(5)),
            reader.GetInt64(6) != 0,
            reader.GetInt32(7),
            reader.GetString(8));
    }

    /// <summary>The columns that make a row send nothing more and belong to no dispatcher.</summary>
    private const string Idle = "next_due_utc = NULL, lease_owner = NULL, lease_until_utc = NULL, next_attempt_utc = NULL, updated_utc = $now";

    private Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
        => _database.ExecuteWriteAsync(sql, cancellationToken, parameters);

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>
    /// What the per-pass cap counts by: the tenant, or for users without one (Web Chat, Direct Line) their own
    /// conversation, never the channel as a whole. Computed from the columns, so rows stored before this rule
    /// (spread_key "channel:...") follow it too.
    /// </summary>
    private const string SpreadExpression =
        "CASE WHEN tenant_id IS NOT NULL AND tenant_id <> '' THEN 'tenant:' || tenant_id ELSE 'conversation:' || COALESCE(channel_id, '') || '/' || COALESCE(conversation_id, id) END";

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

    private static CheckInMessageKind ParseKind(string value) => Enum.Parse<CheckInMessageKind>(value);

    private static long ToUnix(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    private static DateTimeOffset FromUnix(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);
}
