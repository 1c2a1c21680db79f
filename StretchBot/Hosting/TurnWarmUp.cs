using System.Data.Common;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using StretchBot.Dialogs.Cards;
using StretchBot.Dialogs.State;

namespace StretchBot.Hosting;

/// <summary>
/// Does, on another core while the host is still starting, the one-off work the first turn would otherwise do in front of
/// its user, on the very paths a turn takes: reads an activity as <see cref="ActivityValidator"/> does and writes a reply
/// as the adapter's response writer does (both build the Bot Framework serialiser's contracts, which are cached per
/// serialiser), builds the bot in a request scope (its dialogs wait for the first turn that needs them, see
/// <see cref="UnderstandingWarmUpService"/>), renders the welcome card, and
/// reads a state key no channel can produce (which opens the database and changes nothing). It stores nothing; a
/// failure only means the first turn does this work itself.
/// </summary>
/// <remarks>
/// Started from Program.cs as soon as the services exist (<see cref="TurnWarmUpExtensions.StartTurnWarmUp"/>), before
/// the middleware, the endpoints and the hosted services are made, so it runs beside all of them.
/// </remarks>
public sealed partial class TurnWarmUp
{
    /// <summary>A message as Web Chat sends a card submit: every part of the activity the first turn's reader meets.</summary>
    private static readonly byte[] SampleActivity = Encoding.UTF8.GetBytes("""
        {"type":"message","id":"warm-up","timestamp":"2026-01-01T00:00:00.000Z","localTimestamp":"2026-01-01T00:00:00.000+00:00",
         "channelId":"webchat","serviceUrl":"https://warm-up.invalid/","from":{"id":"warm-up","name":"warm-up","role":"user"},
         "conversation":{"id":"warm-up","tenantId":"warm-up"},"recipient":{"id":"bot","name":"bot"},"locale":"en-GB",
         "text":"warm-up","textFormat":"plain","value":{"cardId":"warm-up","answer":"yes"},
         "channelData":{"clientActivityID":"warm-up","postBack":true},"entities":[{"type":"clientInfo","locale":"en-GB"}],
         "deliveryMode":"expectReplies"}
        """);

    private readonly IServiceProvider _services;
    private readonly ILogger<TurnWarmUp> _logger;

    public TurnWarmUp(IServiceProvider services, ILogger<TurnWarmUp> logger)
    {
        _services = services;
        _logger = logger;
    }

    /// <summary>The warm-up under way (completed before <see cref="Start"/>); it never faults.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <summary>Starts the warm-up on the thread pool and returns at once.</summary>
    public Task Start(CancellationToken stoppingToken)
    {
        Completion = Task.Run(
            async () =>
            {
                var started = TimeProvider.System.GetTimestamp();
                try
                {
                    await WarmUpAsync(stoppingToken).ConfigureAwait(false);
                    LogWarm(_logger, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogWarmUpFailed(_logger, ex.GetType().Name);
                }
            },
            CancellationToken.None);
        return Completion;
    }

    private async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        // First what the host's own start waits for too (opening the database), so that it finds it done.
        try
        {
            // A key no channel can produce: the read finds nothing and changes nothing.
            await _services.GetRequiredService<IStateStore>().ReadStateAsync(["warm-up/none"], cancellationToken).ConfigureAwait(false);
        }
        catch (DbException)
        {
            // A database that is not reachable yet: the storage initialiser waits for it.
        }

        using (var scope = _services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<IBot>();
            scope.ServiceProvider.GetRequiredService<BotRequestAuthenticator>();
            scope.ServiceProvider.GetRequiredService<AdapterWithErrorHandler>();
        }

        if (ActivityValidator.Validate(SampleActivity, out var activity) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        var card = _services.GetRequiredService<CardLibrary>().Render("welcome", Dialogs.Bots.WelcomeCard.Data("warm-up", "warm-up", "warm-up", open: true, answered: string.Empty));
        var reply = (Activity)MessageFactory.Attachment(card);
        reply.ApplyConversationReference(activity!.GetConversationReference());
        WriteResponse(new ExpectedReplies([reply]));
    }

    /// <summary>What <see cref="BotResponseWriter"/> does with a turn's replies, into nothing.</summary>
    private static void WriteResponse(ExpectedReplies replies)
    {
        var (bytes, _) = BotResponseWriter.Serialize(replies);
        System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "The turn path is warm after {Milliseconds:F0} ms.")]
    private static partial void LogWarm(ILogger logger, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warming the turn path up failed ({ExceptionType}); the first turn will do that work itself.")]
    private static partial void LogWarmUpFailed(ILogger logger, string exceptionType);
}

/// <summary>Starts <see cref="TurnWarmUp"/>.</summary>
public static class TurnWarmUpExtensions
{
    /// <summary>Starts the turn path's warm-up beside the rest of the host's start (call it right after Build).</summary>
    public static WebApplication StartTurnWarmUp(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetRequiredService<TurnWarmUp>().Start(app.Lifetime.ApplicationStopping);
        return app;
    }
}
