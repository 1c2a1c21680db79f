namespace StretchBot.Tests.CheckIns;

/// <summary>A SQLite file in a fresh temporary folder, deleted with the folder afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "stretchbot-checkins-" + Guid.NewGuid().ToString("N"));
        FilePath = Path.Combine(Folder, "data", "stretchbot.db");

        // No pooling, so that no connection keeps the file open once a test is done with it.
        ConnectionString = $"Data Source={FilePath};Pooling=False";
    }

    public string Folder { get; }

    public string FilePath { get; }

    public string ConnectionString { get; }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Folder))
            {
                Directory.Delete(Folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
