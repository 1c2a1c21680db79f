using System.Net;
using Microsoft.Extensions.DependencyInjection;
using StretchBot.DirectLine;

namespace StretchBot.Tests.DirectLine;

public class TranscriptCleanupServiceTests : IDisposable
{
    private readonly StretchBotAppFactory _factory = new();

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task TranscriptOutlivesTheWeeklyCheckInAndGoesAfterTheRetention()
    {
        var client = new DirectLineTestClient(_factory.CreateClient());
        var session = await client.StartNewAsync();
        var cleanup = _factory.Services.GetRequiredService<TranscriptCleanupService>();

        _factory.Time.Advance(TimeSpan.FromDays(8));
        await cleanup.RunOnceAsync(CancellationToken.None);
        var page = await client.GetPageTokenAsync(session.Resume);
        Assert.True((bool)page["resumed"]!);
        Assert.Single(await client.ReadAllAsync(session.WithToken((string)page["token"]!)));

        _factory.Time.Advance(TimeSpan.FromDays(31));
        await cleanup.RunOnceAsync(CancellationToken.None);
        var token = await _factory.Services.GetRequiredService<DirectLineTokenService>()
            .IssueTokenAsync(session.ConversationId, session.UserId, CancellationToken.None);
        using var gone = await client.GetActivitiesResponseAsync(session.ConversationId, token);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }
}
