using System.Text;
using StretchBot.Dialogs.Privacy;
using StretchBot.Tests.DirectLine;

namespace StretchBot.Tests.Privacy;

/// <summary>"delete my data" as a web visitor does it, then a look at the raw database files and the open page.</summary>
public sealed class ErasedDataOnDiskTests : IDisposable
{
    private const string Phrase = "my quokka-tangerine backache";

    private readonly StretchBotAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task DeletedWordsAreInNeitherTheDatabaseFileNorItsWriteAheadLog()
    {
        var client = new DirectLineTestClient(_factory.CreateClient());
        var session = await client.StartNewAsync();
        using (await client.PostMessageAsync(session, Phrase))
        {
        }

        Assert.True(PhraseOnDisk(), "the phrase should be stored before the erase, or this test proves nothing");

        using (await client.PostMessageAsync(session, "delete my data"))
        using (await client.PostMessageAsync(session, "yes"))
        {
        }

        Assert.Contains(await client.ReadAllAsync(session), a => DirectLineTestClient.Text(a) == DeleteDataDialog.DeletedMessage);
        Assert.False(PhraseOnDisk(), "the erased words are still readable in the database or its write-ahead log");
    }

    [Fact]
    public async Task TheOpenPageSeesTheConfirmationAfterAnErase()
    {
        var client = new DirectLineTestClient(_factory.CreateClient());
        var session = await client.StartNewAsync();
        using (await client.PostMessageAsync(session, Phrase))
        using (await client.PostMessageAsync(session, "delete my data"))
        {
        }

        // The open page has read everything so far and polls from its watermark.
        var seen = await client.GetActivitiesAsync(session);
        using (await client.PostMessageAsync(session, "yes"))
        {
        }

        var after = await client.GetActivitiesAsync(session, seen.Watermark);
        Assert.Contains(after.Activities, a => DirectLineTestClient.Text(a) == DeleteDataDialog.DeletedMessage);
        Assert.True(long.Parse(after.Watermark, System.Globalization.CultureInfo.InvariantCulture) > long.Parse(seen.Watermark, System.Globalization.CultureInfo.InvariantCulture));

        using (await client.PostMessageAsync(session, "hello again"))
        {
        }

        var later = await client.GetActivitiesAsync(session, after.Watermark);
        Assert.Contains(later.Activities, a => DirectLineTestClient.FromRole(a) == "bot");
    }

    private bool PhraseOnDisk()
    {
        var needle = Encoding.UTF8.GetBytes(Phrase);
        return new[] { _factory.DatabasePath, _factory.DatabasePath + "-wal", _factory.DatabasePath + "-journal" }
            .Where(File.Exists)
            .Any(path => ReadShared(path).AsSpan().IndexOf(needle) >= 0);
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
