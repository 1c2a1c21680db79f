using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace StretchBot.Tests.TestSupport;

/// <summary>
/// A Bot Connector service on this machine for a host running as a child process: records every activity posted to
/// /v3/conversations/{id}/activities the moment it arrives (it has reached the channel), and can hold back its answer
/// so that the host is caught with that send in flight (to be killed, or stopped, at exactly that point).
/// </summary>
public sealed class LoopbackChannel : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string ConversationId, JObject Activity)> _received = new();
    private readonly SemaphoreSlim _arrivals = new(0);
    private readonly List<(Func<string, JObject, bool> Which, TaskCompletionSource<HeldSend> Held)> _holds = [];
    private readonly TaskCompletionSource _release = NewSignal();

    private LoopbackChannel()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/v3/conversations/{conversationId}/activities/{**replyTo}", ReceiveAsync);
    }

    /// <summary>The serviceUrl to give the bot.</summary>
    public string ServiceUrl { get; private set; } = string.Empty;

    public IReadOnlyList<(string ConversationId, JObject Activity)> Received => _received.ToArray();

    public static async Task<LoopbackChannel> StartAsync()
    {
        var channel = new LoopbackChannel();
        await channel._app.StartAsync();
        var address = channel._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        channel.ServiceUrl = address.TrimEnd('/') + "/";
        return channel;
    }

    /// <summary>From now on, the first post matching <paramref name="which"/> is held until <see cref="Release"/>; returns it once it arrives.</summary>
    public Task<HeldSend> HoldNext(Func<string, JObject, bool> which)
    {
        var held = new TaskCompletionSource<HeldSend>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_holds)
        {
            _holds.Add((which, held));
        }

        return held.Task;
    }

    /// <summary>Answers every held post (whose sender still waits); nothing is held any more.</summary>
    public void Release()
    {
        lock (_holds)
        {
            _holds.Clear();
        }

        _release.TrySetResult();
    }

    /// <summary>How many posts into <paramref name="conversationId"/> match <paramref name="which"/>.</summary>
    public int Count(string conversationId, Func<JObject, bool> which) =>
        _received.Count(r => r.ConversationId == conversationId && which(r.Activity));

    /// <summary>Waits (event-driven) until <paramref name="done"/> holds for what has been received.</summary>
    public async Task WaitUntilAsync(Func<bool> done, TimeSpan timeout, Func<string> describe)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (!done())
        {
            try
            {
                await _arrivals.WaitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Gave up after {timeout}: {describe()}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task<IResult> ReceiveAsync(HttpContext http, string conversationId)
    {
        using var reader = new StreamReader(http.Request.Body);
        var activity = JObject.Parse(await reader.ReadToEndAsync(http.RequestAborted));
        conversationId = Uri.UnescapeDataString(conversationId);
        _received.Enqueue((conversationId, activity));
        _arrivals.Release();
        TaskCompletionSource<HeldSend>? held = null;
        lock (_holds)
        {
            var index = _release.Task.IsCompleted ? -1 : _holds.FindIndex(h => h.Which(conversationId, activity));
            if (index >= 0)
            {
                held = _holds[index].Held;
                _holds.RemoveAt(index);
            }
        }

        if (held is not null)
        {
            var aborted = NewSignal();
            using var registration = http.RequestAborted.Register(() => aborted.TrySetResult());
            held.TrySetResult(new HeldSend(conversationId, activity, aborted.Task));
            await Task.WhenAny(_release.Task, aborted.Task);
        }

        return Results.Json(new { id = Guid.NewGuid().ToString("N") });
    }

    /// <summary>A post whose answer is being held; <see cref="SenderGaveUp"/> completes if the sender cancels it.</summary>
    public sealed record HeldSend(string ConversationId, JObject Activity, Task SenderGaveUp);
}
