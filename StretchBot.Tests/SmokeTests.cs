using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using StretchBot.Dialogs.Bots;

namespace StretchBot.Tests;

public class SmokeTests
{
    [Fact]
    public async Task BotAnswersAMessageWithItsWelcome()
    {
        var adapter = new TestAdapter();
        await new TestFlow(adapter, new StretchBotActivityHandler())
            .Send("hi")
            .AssertReply(a => Assert.Contains("not a doctor", ((Microsoft.Bot.Schema.IMessageActivity)a).Text))
            .StartTestAsync();
    }
}
