using System.Globalization;
using Microsoft.Data.Sqlite;

namespace StretchBot.Storage.Sqlite;

/// <summary>
/// Applies <see cref="SchemaVersions"/> to a SQLite file: the file records the last version applied in
/// <c>PRAGMA user_version</c>; at start the missing ones are applied in one IMMEDIATE transaction, so two instances
/// starting together apply each once.
/// </summary>
public static class SqliteSchema
{
    /// <summary>The version a file is at once every known version is applied.</summary>
    public static int Latest => SchemaVersions.Latest;

    /// <summary>Applies the versions the file lacks; returns the version it is at afterwards.</summary>
    public static async Task<int> MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var transaction = connection.BeginTransaction(deferred: false);
        int current;
        await using (var read = SqliteDatabase.Command(connection, transaction, "PRAGMA user_version;"))
        {
            current = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        var applied = current;
        foreach (var version in SchemaVersions.All.Where(v => v.Number > current))
        {
            await using var apply = SqliteDatabase.Command(connection, transaction, version.Sqlite);
            await apply.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            applied = version.Number;
        }

        if (applied != current)
        {
            await using var mark = SqliteDatabase.Command(connection, transaction, $"PRAGMA user_version = {applied.ToString(CultureInfo.InvariantCulture)};");
            await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return applied;
    }
}
