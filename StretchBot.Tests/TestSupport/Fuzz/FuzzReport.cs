using System.Net;
using System.Text;

namespace StretchBot.Tests.TestSupport;

/// <summary>Sends the fuzzer's requests and keeps count: answers per category and status, and every 5xx or crash.</summary>
internal sealed class FuzzReport
{
    private readonly SortedDictionary<string, SortedDictionary<int, int>> _byCategory = new(StringComparer.Ordinal);

    public List<string> ServerErrors { get; } = [];

    public async Task SendAsync(HttpClient http, FuzzRequest request)
    {
        int status;
        try
        {
            using var message = request.ToMessage();
            using var response = await http.SendAsync(message);
            status = (int)response.StatusCode;
            if (status >= 500)
            {
                var body = await response.Content.ReadAsStringAsync();
                ServerErrors.Add($"{status} for {request.Describe()} -> {Excerpt(body)}");
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            status = 0;
            ServerErrors.Add($"{exception.GetType().Name} for {request.Describe()} -> {Excerpt(exception.Message)}");
        }

        if (!_byCategory.TryGetValue(request.Category, out var statuses))
        {
            _byCategory[request.Category] = statuses = [];
        }

        statuses[status] = statuses.GetValueOrDefault(status) + 1;
    }

    public string Summary()
    {
        var summary = new StringBuilder("Answers by category (HTTP status x count; 0 = the request broke the host):\n");
        foreach (var (category, statuses) in _byCategory)
        {
            summary.Append("  ").Append(category).Append(": ")
                .AppendJoin(", ", statuses.Select(s => $"{s.Key} x{s.Value}")).Append('\n');
        }

        return summary.ToString();
    }

    private static string Excerpt(string text) => text.Length > 200 ? text[..200].ReplaceLineEndings(" ") + "..." : text.ReplaceLineEndings(" ");
}
