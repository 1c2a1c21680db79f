using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace StretchBot.Tests.DirectLine;

public class DirectLineTokenServiceTests
{
    [Fact]
    public async Task InstancesSharingTheDatabaseAcceptEachOthersTokens()
    {
        using var first = new StretchBotAppFactory();
        var session = await new DirectLineTestClient(first.CreateClient()).StartNewAsync();
        using var second = new StretchBotAppFactory();
        second.With("Storage:ConnectionString", first.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Storage:ConnectionString"]);
        second.Time.SetUtcNow(first.Time.GetUtcNow());

        var onSecond = new DirectLineTestClient(second.CreateClient());
        var activities = await onSecond.ReadAllAsync(session);

        var read = DirectLineTestClient.Read(activities);
        Assert.True(read.Mentions("not a doctor"), read.AllText);
    }

    [Fact]
    public async Task AConfiguredSigningKeyIsUsedAndAnotherKeysTokensAreRefused()
    {
        using var first = new StretchBotAppFactory();
        first.With("DirectLine:TokenSigningKey", Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()));
        var session = await new DirectLineTestClient(first.CreateClient()).StartNewAsync();
        using var second = new StretchBotAppFactory();
        second.With("Storage:ConnectionString", first.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Storage:ConnectionString"]);
        second.With("DirectLine:TokenSigningKey", Convert.ToBase64String(Enumerable.Range(2, 32).Select(i => (byte)i).ToArray()));
        second.Time.SetUtcNow(first.Time.GetUtcNow());

        using var response = await new DirectLineTestClient(second.CreateClient()).GetActivitiesResponseAsync(session.ConversationId, session.Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
