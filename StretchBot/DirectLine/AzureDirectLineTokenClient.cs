using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace StretchBot.DirectLine;

/// <summary>
/// Azure mode: exchanges the Direct Line secret for a conversation token, server-side, so the secret never reaches
/// the browser (POST {endpoint}/tokens/generate with the secret as bearer and the user id to bind the token to).
/// </summary>
public sealed class AzureDirectLineTokenClient
{
    public const string HttpClientName = "AzureDirectLine";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptions<DirectLineOptions> _options;
    private readonly ILogger<AzureDirectLineTokenClient> _logger;

    public AzureDirectLineTokenClient(IHttpClientFactory httpClientFactory, IOptions<DirectLineOptions> options, ILogger<AzureDirectLineTokenClient> logger)
    {
        _httpClientFactory = httpClientFactory;
        _options = options;
        _logger = logger;
    }

    /// <summary>A token for a new conversation of <paramref name="userId"/>, or null when Azure refused or failed.</summary>
    public async Task<DirectLineConversationResponse?> GenerateAsync(string userId, CancellationToken cancellationToken)
    {
        var options = _options.Value;
        if (string.IsNullOrWhiteSpace(options.Secret))
        {
            throw new InvalidOperationException("DirectLine:Mode is Azure but DirectLine:Secret is empty.");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, options.AzureEndpoint.TrimEnd('/') + "/tokens/generate")
        {
            Content = JsonContent.Create(new GenerateRequest(new GenerateUser(userId))),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Secret);

        var client = _httpClientFactory.CreateClient(HttpClientName);
        using var response = await client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            _logger.AzureTokenRefused((int)response.StatusCode);
            return null;
        }

        var conversation = await response.Content.ReadFromJsonAsync<DirectLineConversationResponse>(cancellationToken);
        return conversation is { Token.Length: > 0, ConversationId.Length: > 0 } ? conversation : null;
    }

    private sealed record GenerateRequest([property: JsonPropertyName("user")] GenerateUser User);

    private sealed record GenerateUser([property: JsonPropertyName("id")] string Id);
}
