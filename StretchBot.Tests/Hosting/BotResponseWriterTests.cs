using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using StretchBot.Hosting;

namespace StretchBot.Tests.Hosting;

public sealed class BotResponseWriterTests
{
    [Fact]
    public async Task RepliesAreWrittenByteForByteAsTheBotFrameworkWritesThemWithTheirLength()
    {
        // Longer than the writer's first buffer, with text outside ASCII, a card carried as JSON text, and a lone surrogate.
        var card = new JRaw("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Knee to chest: hold 20–30 s 🙂","wrap":true}]}""");
        var replies = Enumerable.Range(0, 40).Select(i => (Activity)MessageFactory.Attachment(new Attachment("application/vnd.microsoft.card.adaptive", content: card))).ToList();
        replies.Add((Activity)MessageFactory.Text("Ça va? \ud800 " + new string('x', 5000)));
        var response = new InvokeResponse { Status = 200, Body = new ExpectedReplies(replies.Cast<Activity>().ToList()) };

        var ours = await WriteAsync(http => BotResponseWriter.WriteAsync(http.Response, response));
        var theirs = await WriteAsync(http => HttpHelper.WriteResponseAsync(http.Response, response));

        Assert.Equal(theirs.Body, ours.Body);
        Assert.True(ours.Body.Length > 10_000);
        Assert.Equal(ours.Body.Length, ours.ContentLength);
        Assert.Equal(200, ours.Status);
        Assert.Equal("application/json", ours.ContentType);
    }

    [Fact]
    public async Task ATurnWithoutRepliesAnswersWithItsStatusAndNoBody()
    {
        var none = await WriteAsync(http => BotResponseWriter.WriteAsync(http.Response, null));
        var accepted = await WriteAsync(http => BotResponseWriter.WriteAsync(http.Response, new InvokeResponse { Status = 202 }));

        Assert.Equal((200, 0), (none.Status, none.Body.Length));
        Assert.Equal((202, 0), (accepted.Status, accepted.Body.Length));
        Assert.Null(accepted.ContentType);
    }

    private static async Task<(int Status, string? ContentType, long? ContentLength, byte[] Body)> WriteAsync(Func<HttpContext, Task> write)
    {
        var http = new DefaultHttpContext();
        using var body = new MemoryStream();
        http.Response.Body = body;

        await write(http);

        return (http.Response.StatusCode, http.Response.ContentType, http.Response.ContentLength, body.ToArray());
    }
}
