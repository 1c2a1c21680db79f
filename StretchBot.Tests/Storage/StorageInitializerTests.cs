using System.Data.Common;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StretchBot.Storage;

namespace StretchBot.Tests.Storage;

public sealed class StorageInitializerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TheHostGoesOnStartingWhileTheDatabaseOpensAndTheStartEndsWhenItIsReady()
    {
        using var database = new SlowToOpenDatabase();
        var initializer = new StorageInitializer(database, Options.Create(new StorageOptions()), TimeProvider.System, NullLogger<StorageInitializer>.Instance);
        try
        {
            // The host calls StartAsync on its own thread; opening SQLite is synchronous, so the call must hand the
            // opening to the thread pool and return, or the server would wait for the database before it listens.
            Task<Task> call = Task.Factory.StartNew(() => initializer.StartAsync(CancellationToken.None), CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Default);
            var start = await call.WaitAsync(Patience);

            Assert.True(await database.Opening.WaitAsync(Patience));
            Assert.False(start.IsCompleted);

            database.FinishOpening();
            await start.WaitAsync(Patience);
            Assert.True(start.IsCompletedSuccessfully);
        }
        finally
        {
            database.FinishOpening();
        }
    }

    [Fact]
    public async Task ADatabaseThatCannotBeOpenedStillFailsTheStart()
    {
        using var database = new SlowToOpenDatabase { Failure = new InvalidOperationException("no such database") };
        var initializer = new StorageInitializer(database, Options.Create(new StorageOptions()), TimeProvider.System, NullLogger<StorageInitializer>.Instance);
        database.FinishOpening();

        await Assert.ThrowsAsync<InvalidOperationException>(() => initializer.StartAsync(CancellationToken.None).WaitAsync(Patience));
    }

    /// <summary>A database whose opening blocks its thread (as SQLite's does) until the test lets it finish.</summary>
    private sealed class SlowToOpenDatabase : IStoreDatabase, IDisposable
    {
        private readonly ManualResetEventSlim _finish = new();

        public SemaphoreSlim Opening { get; } = new(0);

        public Exception? Failure { get; init; }

        public StorageProvider Provider => StorageProvider.Sqlite;

        public int SchemaVersion => 1;

        public void FinishOpening() => _finish.Set();

        public Task EnsureReadyAsync(CancellationToken cancellationToken = default)
        {
            Opening.Release();
            _finish.Wait(cancellationToken);
            return Failure is null ? Task.CompletedTask : throw Failure;
        }

        public Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) => throw new NotSupportedException();

        public Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) => throw new NotSupportedException();

        public Task<int[]> ExecuteInTransactionAsync(IReadOnlyList<SqlStatement> statements, CancellationToken cancellationToken) => throw new NotSupportedException();

        public void Dispose()
        {
            _finish.Dispose();
            Opening.Dispose();
        }
    }
}
