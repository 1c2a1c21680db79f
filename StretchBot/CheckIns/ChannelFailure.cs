using System.Globalization;
using Microsoft.Bot.Schema;
using Microsoft.Rest;

namespace StretchBot.CheckIns;

/// <summary>What a failed send tells about itself: the channel's HTTP status and Retry-After, when it gave them.</summary>
internal sealed record ChannelFailure(int? StatusCode, TimeSpan? RetryAfter, string ExceptionType)
{
    public static ChannelFailure From(Exception exception, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(exception);
        foreach (var candidate in Chain(exception))
        {
            var (status, headers) = candidate switch
            {
                ErrorResponseException error when error.Response is not null => ((int?)error.Response.StatusCode, error.Response.Headers),
                HttpOperationException operation when operation.Response is not null => ((int?)operation.Response.StatusCode, operation.Response.Headers),
                HttpRequestException request when request.StatusCode is not null => ((int?)request.StatusCode, null),
                _ => (null, null),
            };
            if (status is not null)
            {
                return new ChannelFailure(status, RetryAfterFrom(headers, now), candidate.GetType().Name);
            }
        }

        return new ChannelFailure(null, null, exception.GetType().Name);
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>();
        pending.Push(exception);
        var seen = 0;
        while (pending.Count > 0 && seen++ < 32)
        {
            var current = pending.Pop();
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.Reverse())
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is not null)
            {
                pending.Push(current.InnerException);
            }
        }
    }

    private static TimeSpan? RetryAfterFrom(IDictionary<string, IEnumerable<string>>? headers, DateTimeOffset now)
    {
        if (headers is null)
        {
            return null;
        }

        var value = headers
            .Where(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => h.Value)
            .FirstOrDefault();
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
