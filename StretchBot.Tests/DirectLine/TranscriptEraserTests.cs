using Microsoft.Extensions.DependencyInjection;
using StretchBot.Dialogs.Privacy;

namespace StretchBot.Tests.DirectLine;

public class TranscriptEraserTests : IDisposable
{
    private readonly StretchBotAppFactory _factory = new();

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task DeleteMyDataRemovesTheWebTranscript()
    {
        var client = new DirectLineTestClient(_factory.CreateClient());
        var session = await client.StartNewAsync();
        var other = await client.StartNewAsync();
        using (await client.PostMessageAsync(session, "my knee hurts too"))
        {
        }

        var owner = new PersonalDataOwner("directline", "directline/" + session.UserId, session.ConversationId);
        foreach (var eraser in _factory.Services.GetServices<IPersonalDataEraser>())
        {
            await eraser.EraseAsync(owner, CancellationToken.None);
        }

        Assert.Empty(await client.ReadAllAsync(session));
        Assert.NotEmpty(await client.ReadAllAsync(other));

        // The conversation itself still works, so the bot can confirm the deletion.
        using var after = await client.PostMessageAsync(session, "thanks");
        Assert.True(after.IsSuccessStatusCode);
    }

    [Fact]
    public async Task ErasingForAnotherChannelLeavesTheWebTranscriptAlone()
    {
        var client = new DirectLineTestClient(_factory.CreateClient());
        var session = await client.StartNewAsync();

        foreach (var eraser in _factory.Services.GetServices<IPersonalDataEraser>())
        {
            await eraser.EraseAsync(new PersonalDataOwner("msteams", session.UserId, session.ConversationId), CancellationToken.None);
        }

        Assert.Single(await client.ReadAllAsync(session));
    }
}
