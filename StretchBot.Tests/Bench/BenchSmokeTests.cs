using StretchBot.Bench;
using StretchBot.Tests.DirectLine;

namespace StretchBot.Tests.Bench;

/// <summary>
/// The bench's conversations still walk from the welcome to a plan (so ./stretchbot.sh bench measures real work).
/// Speed is measured by the bench itself, never here.
/// </summary>
public sealed class BenchSmokeTests : IDisposable
{
    private readonly StretchBotAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ABenchConversationReachesThePlanAndBooksTheCheckIn(bool teams)
    {
        var walker = new ConversationWalker(_factory.CreateClient(), "http://127.0.0.1:9/connector/");
        var user = teams ? BenchUser.Teams(LoadRun.TenantFor(0)) : BenchUser.Web();
        var turns = 0;

        var plan = await walker.WalkToPlanAsync(user, (_, _) => turns++, CancellationToken.None);
        var booked = await walker.StepAsync(user, plan, ConversationScript.BookCheckIn, null, CancellationToken.None);

        Assert.Equal(ConversationScript.TurnsToPlan, turns);
        Assert.NotNull(plan.SubmitData("Same time next week", prefix: true));
        Assert.True(booked.Count > 0);
        var rows = StateSizeProbe.StateRows(_factory.DatabasePath, user);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.True(r.Bytes > 0));
    }
}
