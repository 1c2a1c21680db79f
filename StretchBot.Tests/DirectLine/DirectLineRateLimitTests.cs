using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace StretchBot.Tests.DirectLine;

public class DirectLineRateLimitTests
{
    [Fact]
    public async Task AClientStartingTooManyConversationsInAMinuteIsToldToSlowDown()
    {
        var database = Path.Combine(Path.GetTempPath(), $"stretchbot-ratelimit-{Guid.NewGuid():N}.db");
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Storage:ConnectionString", $"Data Source={database}");
            builder.UseSetting("CheckIn:DispatcherEnabled", "false");
            builder.UseSetting("DirectLine:TokenRequestsPerMinute", "3");
        });
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.PostAsync("/api/directline/token", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }, statuses);
    }
}
