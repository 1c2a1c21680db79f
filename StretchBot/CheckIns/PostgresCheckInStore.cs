using StretchBot.Dialogs.CheckIns;
using StretchBot.Storage;
using StretchBot.Storage.Postgres;

namespace StretchBot.CheckIns;

/// <summary>
/// The durable check-in schedule (<see cref="ICheckInStore"/>) in PostgreSQL, shared by every bot instance on any host.
/// Claims lock the rows they take with <c>FOR UPDATE SKIP LOCKED</c> and re-check them under the lock, so any number
/// of dispatchers claim at once without waiting on each other and no message goes to two of them; a lease makes a
/// message claimable again when its dispatcher died before finishing.
/// </summary>
public sealed class PostgresCheckInStore : CheckInStoreBase
{
    /// <summary>The schedule in the shared database (its table is schema version 2 of <see cref="SchemaVersions"/>).</summary>
    public PostgresCheckInStore(PostgresDatabase database, CheckInSchedule schedule, TimeProvider timeProvider)
        : base(database, schedule, timeProvider)
    {
    }

    /// <summary>A lock per user for the rest of the transaction (READ COMMITTED does not serialise the two changes by itself).</summary>
    protected override IEnumerable<SqlStatement> SerialiseUser(string userId)
        => [new SqlStatement("SELECT pg_advisory_xact_lock(hashtext('stretchbot check-in ' || @user))", ("@user", userId))];

    /// <remarks>
    /// The due rows are ranked per tenant without locking (a plain read), then up to @max of the first 2 x @max are
    /// locked, skipping any another dispatcher holds, re-checked against the newest committed version and leased in
    /// the same statement. Two dispatchers claiming at once each get their own share.
    /// </remarks>
    protected override Task<List<ClaimedCheckIn>> ClaimRowsAsync((string Name, object? Value)[] parameters, int max, CancellationToken cancellationToken)
        => Database.QueryAsync(
            $"""
            WITH candidates AS (
                SELECT id FROM (
                    SELECT id, next_due_utc,
                           ROW_NUMBER() OVER (PARTITION BY {SpreadExpression} ORDER BY next_due_utc, id) AS rank_in_tenant
                    FROM check_ins
                    WHERE {DueAndFree}) ranked
                WHERE rank_in_tenant <= @per_tenant
                ORDER BY next_due_utc, id
                LIMIT @scan
            ), locked AS (
                SELECT id FROM check_ins
                WHERE id IN (SELECT id FROM candidates) AND {DueAndFree}
                ORDER BY next_due_utc, id
                LIMIT @max
                FOR UPDATE SKIP LOCKED
            )
            UPDATE check_ins SET {ClaimSet}
            WHERE id IN (SELECT id FROM locked)
            RETURNING {ClaimReturning};
            """,
            ReadClaimed,
            cancellationToken,
            [.. parameters, ("@scan", 2 * max)]);
}
