using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using StretchBot.Hosting;

namespace StretchBot.Tests.Hosting;

public sealed class AdapterWithErrorHandlerTests
{
    private const string UsersWords = "my lower back hurts when I bend";

    [Fact]
    public async Task AFailedTurnApologisesOffersStartOverAndClearsTheBrokenConversationState()
    {
        using var factory = new StretchBotHostFactory(configureServices: s => s.AddTransient<IBot, FailingBot>());
        using var client = factory.CreateClient();
        var key = TestActivities.ConversationStateKey("error-1");
        using (var saved = await client.PostAsync(TestActivities.Message("error-1", FailingBot.SaveOnly)))
        {
            Assert.Equal(["saved"], await saved.ReplyTextsAsync());
        }

        Assert.Single(await factory.Storage.ReadAsync([key]));

        using var failed = await client.PostAsync(TestActivities.Message("error-1", UsersWords));

        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        var reply = Assert.Single(await failed.ReplyTextsAsync());
        Assert.Contains("something went wrong", reply);
        Assert.Contains("start over", reply);
        Assert.Empty(await factory.Storage.ReadAsync([key]));
    }

    [Fact]
    public async Task AFailedTurnIsLoggedWithItsConversationIdButNeverTheUsersWords()
    {
        using var factory = new StretchBotHostFactory(configureServices: s => s.AddTransient<IBot, FailingBot>());
        using var client = factory.CreateClient();

        using var failed = await client.PostAsync(TestActivities.Message("error-conversation-2", UsersWords));

        var errors = factory.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal)).ToList();
        var error = Assert.Single(errors);
        Assert.Contains("error-conversation-2", error);
        Assert.Contains(nameof(InvalidOperationException), error);
        Assert.Contains(nameof(FailingBot), error);
        Assert.DoesNotContain("lower back", factory.Logs.AllText);
    }

    [Fact]
    public async Task ATurnThatLostARaceAsksForTheAnswerAgainAndKeepsTheState()
    {
        using var factory = new StretchBotHostFactory(configureServices: s => s.AddTransient<IBot, RacingBot>());
        using var client = factory.CreateClient();
        var key = TestActivities.ConversationStateKey("race-1");
        using (var first = await client.PostAsync(TestActivities.Message("race-1", "first answer")))
        {
            Assert.Equal(["saved"], await first.ReplyTextsAsync());
        }

        using var raced = await client.PostAsync(TestActivities.Message("race-1", RacingBot.Race));

        Assert.Equal([AdapterWithErrorHandler.TwoMessagesAtOnceText], await raced.ReplyTextsAsync());
        var stored = Assert.IsType<JObject>((await factory.Storage.ReadAsync([key]))[key]);
        Assert.Equal(RacingBot.OtherInstancesAnswers, stored.Value<int>("answers"));
    }
}
