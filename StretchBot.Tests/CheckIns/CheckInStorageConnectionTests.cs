using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using StretchBot.CheckIns;

namespace StretchBot.Tests.CheckIns;

public sealed class CheckInStorageConnectionTests
{
    private static readonly string ContentRoot = Path.Combine(Path.GetTempPath(), "stretchbot-root");

    [Fact]
    public void TheScheduleLivesInTheContentRootsDataFolderByDefault()
    {
        var connection = CheckInStorageConnection.Resolve(Configuration(null), ContentRoot);

        Assert.Equal(Path.Combine(ContentRoot, "data", "stretchbot.db"), new SqliteConnectionStringBuilder(connection).DataSource);
    }

    [Fact]
    public void AConnectionStringWithoutAFileUsesTheDefaultFile()
    {
        var connection = CheckInStorageConnection.Resolve(Configuration("Pooling=False"), ContentRoot);

        Assert.Equal(Path.Combine(ContentRoot, "data", "stretchbot.db"), new SqliteConnectionStringBuilder(connection).DataSource);
    }

    [Fact]
    public void ARelativeConfiguredFileIsTakenFromTheContentRoot()
    {
        var connection = CheckInStorageConnection.Resolve(Configuration("Data Source=state/bot.db;Pooling=False"), ContentRoot);

        var builder = new SqliteConnectionStringBuilder(connection);
        Assert.Equal(Path.Combine(ContentRoot, "state", "bot.db"), builder.DataSource);
        Assert.False(builder.Pooling);
    }

    [Fact]
    public void AnAbsoluteConfiguredFileIsKept()
    {
        var file = Path.Combine(Path.GetTempPath(), "elsewhere", "bot.db");

        var connection = CheckInStorageConnection.Resolve(Configuration($"Data Source={file}"), ContentRoot);

        Assert.Equal(file, new SqliteConnectionStringBuilder(connection).DataSource);
    }

    private static IConfiguration Configuration(string? connectionString) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { [CheckInStorageConnection.ConfigurationKey] = connectionString })
        .Build();
}
