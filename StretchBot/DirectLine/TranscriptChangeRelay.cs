using Microsoft.Extensions.Options;

namespace StretchBot.DirectLine;

/// <summary>
/// Runs the storage provider's <see cref="ITranscriptChangeSource"/> for the life of the host (local Direct Line only),
/// so this instance's web page streams hear of activities any other instance appends.
/// </summary>
public sealed class TranscriptChangeRelay : BackgroundService
{
    private readonly IServiceProvider _services;
    private readonly IOptions<DirectLineOptions> _options;
    private readonly TranscriptFeed _feed;

    public TranscriptChangeRelay(IServiceProvider services, IOptions<DirectLineOptions> options, TranscriptFeed feed)
    {
        _services = services;
        _options = options;
        _feed = feed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Value.Enabled || _options.Value.Mode != DirectLineMode.Local)
        {
            return;
        }

        var source = _services.GetRequiredService<ITranscriptChangeSource>();
        try
        {
            await source.RunAsync(_feed, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
