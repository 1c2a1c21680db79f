using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using StretchBot.Hosting;

namespace StretchBot.Tests.Hosting;

public sealed class RefusalLogTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly CapturingLoggerProvider _logs = new();
    private readonly ILoggerFactory _loggers;
    private readonly RefusalLog _refusals;

    public RefusalLogTests()
    {
        _loggers = LoggerFactory.Create(b => b.AddProvider(_logs));
        _refusals = new RefusalLog(_time, _loggers.CreateLogger<RefusalLog>());
    }

    public void Dispose() => _loggers.Dispose();

    [Fact]
    public void AFloodOfOneKindOfRefusalIsOneWarningAMinuteWithACount()
    {
        for (var i = 0; i < 50; i++)
        {
            _refusals.Refused("/api/messages", 401, "bad token");
        }

        _time.Advance(RefusalLog.Interval);
        _refusals.Refused("/api/messages", 401, "bad token");

        Assert.Equal(2, _logs.Lines.Count);
        Assert.Contains("49 went unlogged", _logs.Lines.Last());
    }

    [Fact]
    public void EachKindOfRefusalIsLoggedTheFirstTime()
    {
        _refusals.Refused("/api/messages", 401, "bad token");
        _refusals.Refused("/api/messages", 503, "sign-in service unreachable");
        _refusals.Refused("/api/messages", 400, "Not a valid activity");

        Assert.Equal(3, _logs.Lines.Count);
        Assert.All(_logs.Lines, l => Assert.StartsWith("Warning", l));
    }
}
