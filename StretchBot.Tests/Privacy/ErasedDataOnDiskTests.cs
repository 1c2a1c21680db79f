using System.Text;
using StretchBot.Dialogs.Privacy;
using StretchBot.Dialogs.Progress;

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

    [Fact]
    public async Task TheProgressHistoryItsPictureKeyAndShareLinksAreInNeitherFileAfterAnErase()
    {
        var person = new HttpConversationDriver(_factory.CreateClient(), "progress-on-disk");
        await person.SendAsync("hi");
        foreach (var (button, inputs) in JourneySteps.ToThePlan)
        {
            await person.ClickAsync(button, inputs);
        }

        var link = (await person.SendAsync("share with my physio")).Cards.SelectMany(c => c.SelectTokens("$.actions[?(@.type == 'Action.OpenUrl')].url")).Single().ToString();
        var picture = (await person.SendAsync("my progress")).ProgressCards.Single().SelectToken("$..[?(@.type == 'Image')].url")!.ToString();
        var stored = new[] { ProgressTokens.Hash(link.Split('/')[^1]), picture.Split('/')[^2] };
        Assert.All(stored, s => Assert.True(OnDisk(s), $"{s} should be stored before the erase, or this test proves nothing"));

        await person.SendAsync("delete my data");
        await person.ClickAsync("Yes, delete everything");

        Assert.All(stored, s => Assert.False(OnDisk(s), $"{s} is still readable in the database or its write-ahead log"));
    }

    private bool PhraseOnDisk() => OnDisk(Phrase);

    private bool OnDisk(string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
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
