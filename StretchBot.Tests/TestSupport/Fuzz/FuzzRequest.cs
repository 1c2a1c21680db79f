using System.Net.Http.Headers;
using System.Text;

namespace StretchBot.Tests.TestSupport;

/// <summary>One generated request: what kind of bad input it is, and exactly what goes on the wire.</summary>
internal sealed record FuzzRequest(string Category, HttpMethod Method, string Path, byte[]? Body = null, string? ContentType = "application/json")
{
    /// <summary>Extra headers (Authorization, the connector secret, ...).</summary>
    public Dictionary<string, string> Headers { get; init; } = [];

    /// <summary>Send the body without a Content-Length (chunked), as a streaming client would.</summary>
    public bool Chunked { get; init; }

    public static FuzzRequest Json(string category, string path, string json, HttpMethod? method = null) =>
        new(category, method ?? HttpMethod.Post, path, Encoding.UTF8.GetBytes(json));

    public FuzzRequest WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, Path);
        if (Body is not null)
        {
            HttpContent content = Chunked ? new StreamContent(new MemoryStream(Body)) : new ByteArrayContent(Body);
            if (ContentType is not null && MediaTypeHeaderValue.TryParse(ContentType, out var type))
            {
                content.Headers.ContentType = type;
            }
            else if (ContentType is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }

            message.Content = content;
        }

        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    /// <summary>Enough to recognise and replay the request by hand: category, method, path, size and the body's start.</summary>
    public string Describe()
    {
        var excerpt = Body is null ? string.Empty : Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 160)).ReplaceLineEndings(" ");
        var path = Path.Length > 120 ? Path[..120] + "..." : Path;
        return $"[{Category}] {Method} {path} ({Body?.Length ?? 0} bytes, {ContentType ?? "no content type"}) {excerpt}";
    }
}
