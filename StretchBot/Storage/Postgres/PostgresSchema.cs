using System.Globalization;
using Npgsql;

namespace StretchBot.Storage.Postgres;

/// <summary>
/// Applies <see cref="SchemaVersions"/> to a PostgreSQL schema (the first of the connection's search path). The
/// versions applied are rows of <c>schema_versions</c>; the missing ones are applied in one transaction that first
/// takes an advisory lock named after the schema, so instances starting at the same moment queue: the first applies
/// every version, the others find them applied. PostgreSQL's DDL is transactional, so a failed version leaves nothing
/// half-made.
/// </summary>
public static class PostgresSchema
{
    /// <summary>Applies the versions the schema lacks; returns the version it is at afterwards.</summary>
    public static async Task<int> MigrateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var prepare = PostgresDatabase.Command(
            connection,
            transaction,
            """
            SELECT pg_advisory_xact_lock(hashtext('stretchbot schema ' || current_schema()));
            CREATE TABLE IF NOT EXISTS schema_versions (
                number integer NOT NULL PRIMARY KEY,
                description text NOT NULL,
                applied_utc timestamptz NOT NULL DEFAULT now()
            );
            """))
        {
            await prepare.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        int current;
        await using (var read = PostgresDatabase.Command(connection, transaction, "SELECT COALESCE(MAX(number), 0) FROM schema_versions;"))
        {
            current = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        var applied = current;
        foreach (var version in SchemaVersions.All.Where(v => v.Number > current))
        {
            await using (var apply = PostgresDatabase.Command(connection, transaction, version.PostgreSql))
            {
                await apply.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var mark = PostgresDatabase.Command(
                connection,
                transaction,
                "INSERT INTO schema_versions (number, description) VALUES (@number, @description);",
                ("number", version.Number),
                ("description", version.Description)))
            {
                await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            applied = version.Number;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return applied;
    }
}
