using StretchBot.Dialogs.CheckIns;
using StretchBot.Storage;
using StretchBot.Storage.Sqlite;

namespace StretchBot.CheckIns;

/// <summary>
/// The durable check-in schedule (<see cref="ICheckInStore"/>) in SQLite, shared by every bot instance that opens the
/// same database file. Every write is one IMMEDIATE transaction on the database's writer path, so schedules and claims
/// from several processes serialise.
/// </summary>
public sealed class SqliteCheckInStore : CheckInStoreBase
{
    private readonly SqliteDatabase _database;

    /// <summary>The schedule in the shared database (its table is schema version 2 of <see cref="SchemaVersions"/>).</summary>
    public SqliteCheckInStore(SqliteDatabase database, CheckInSchedule schedule, TimeProvider timeProvider)
        : base(database, schedule, timeProvider)
    {
        _database = database;
    }

    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string naming a file every instance shares.</param>
    public SqliteCheckInStore(string connectionString, CheckInSchedule schedule, TimeProvider timeProvider)
        : this(new SqliteDatabase(connectionString, new StorageOptions().BusyTimeoutMilliseconds), schedule, timeProvider)
    {
    }

    /// <remarks>One UPDATE ... RETURNING: SQLite runs it under the database's write lock, so two dispatchers on one file never claim the same message.</remarks>
    protected override Task<List<ClaimedCheckIn>> ClaimRowsAsync((string Name, object? Value)[] parameters, int max, CancellationToken cancellationToken)
        => _database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = SqliteDatabase.Command(connection, transaction, $"""
                    UPDATE check_ins
                    SET {ClaimSet}
                    WHERE id IN (
                        SELECT id FROM (
                            SELECT id, next_due_utc,
                                   ROW_NUMBER() OVER (PARTITION BY {SpreadExpression} ORDER BY next_due_utc, id) AS rank_in_tenant
                            FROM check_ins
                            WHERE {DueAndFree})
                        WHERE rank_in_tenant <= @per_tenant
                        ORDER BY next_due_utc, id
                        LIMIT @max)
                    RETURNING {ClaimReturning};
                    """, parameters);
                var rows = new List<ClaimedCheckIn>();
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    rows.Add(ReadClaimed(reader));
                }

                return rows;
            },
            cancellationToken);
}
