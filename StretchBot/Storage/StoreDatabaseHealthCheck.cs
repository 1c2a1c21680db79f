using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace StretchBot.Storage;

/// <summary>The database answers a query (SQLite: the file opens and reads; PostgreSQL uses Npgsql's own check).</summary>
internal sealed class StoreDatabaseHealthCheck(IStoreDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await database.QueryAsync("SELECT 1;", reader => reader.GetInt32(0), cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, exception.GetType().Name);
        }
    }
}
