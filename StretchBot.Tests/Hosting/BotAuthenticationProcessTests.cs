using System.Net;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json.Linq;

namespace StretchBot.Tests.Hosting;

/// <summary>
/// The real host with an app id, validating tokens with the Bot Framework SDK against a local OpenID provider (metadata,
/// JWKS and RSA signing key served over HTTPS on loopback, trusted by the host through SSL_CERT_FILE): the token the
/// channel signs for this bot is accepted, and every forged, expired, unsigned or misdirected one gets 401, with one
/// warning in the log and no stack trace. Offline: nothing leaves the machine.
/// </summary>
public sealed class BotAuthenticationProcessTests : IClassFixture<BotAuthenticationProcessTests.SignedHost>
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    private readonly SignedHost _host;

    public BotAuthenticationProcessTests(SignedHost host) => _host = host;

    public enum BadToken
    {
        SignedByAnotherKey,
        Expired,
        NotYetValid,
        ForAnotherBot,
        FromAnotherIssuer,
        AlgNone,
        SignatureStripped,
        SignedWithHmacOverThePublicKey,
        ForAnotherServiceUrl,
        WeakAlgorithm,
        Malformed,
    }

    [Fact]
    public async Task ATokenTheChannelSignedForThisBotIsAccepted()
    {
        using var response = await _host.PostAsync("signed-ok", _host.Provider.Token(ServiceUrl));

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}; the host's log:\n{_host.Process.Output}");
        Assert.Contains("not a doctor", Assert.Single(await response.ReplyTextsAsync()));
    }

    [Theory]
    [InlineData(BadToken.SignedByAnotherKey)]
    [InlineData(BadToken.Expired)]
    [InlineData(BadToken.NotYetValid)]
    [InlineData(BadToken.ForAnotherBot)]
    [InlineData(BadToken.FromAnotherIssuer)]
    [InlineData(BadToken.AlgNone)]
    [InlineData(BadToken.SignatureStripped)]
    [InlineData(BadToken.SignedWithHmacOverThePublicKey)]
    [InlineData(BadToken.ForAnotherServiceUrl)]
    [InlineData(BadToken.WeakAlgorithm)]
    [InlineData(BadToken.Malformed)]
    public async Task EveryOtherTokenIsRefusedWith401AndNeverReachesTheBot(BadToken kind)
    {
        var conversationId = "signed-" + kind;

        using var response = await _host.PostAsync(conversationId, Make(kind));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(conversationId, _host.Process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", _host.Process.Output, StringComparison.Ordinal);
    }

    private string Make(BadToken kind)
    {
        var provider = _host.Provider;
        return kind switch
        {
            BadToken.SignedByAnotherKey => provider.Token(ServiceUrl, signWithStranger: true),
            BadToken.Expired => provider.Token(ServiceUrl, expires: DateTime.UtcNow.AddHours(-1)),
            BadToken.NotYetValid => provider.Token(ServiceUrl, notBefore: DateTime.UtcNow.AddHours(1)),
            BadToken.ForAnotherBot => provider.Token(ServiceUrl, audience: Guid.NewGuid().ToString()),
            BadToken.FromAnotherIssuer => provider.Token(ServiceUrl, issuer: "https://login.example.test/"),
            BadToken.AlgNone => LocalOpenIdProvider.Unsigned(ServiceUrl),
            BadToken.SignatureStripped => string.Join('.', provider.Token(ServiceUrl).Split('.')[..2]) + ".",
            BadToken.SignedWithHmacOverThePublicKey => provider.TokenSignedWithPublicKeyAsHmacSecret(ServiceUrl),
            BadToken.ForAnotherServiceUrl => provider.Token("https://evil.example/"),
            BadToken.WeakAlgorithm => provider.Token(ServiceUrl, algorithm: SecurityAlgorithms.RsaSsaPssSha256),
            _ => Base64UrlEncoder.Encode("{\"alg\":\"RS256\",\"kid\":\"" + LocalOpenIdProvider.KeyId + "\"}") + "." + Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("[1,2,3]")) + ".x",
        };
    }

    /// <summary>One host for the whole class: it takes seconds to start.</summary>
    public sealed class SignedHost : IAsyncLifetime
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "stretchbot-auth-" + Guid.NewGuid().ToString("N"));

        public LocalOpenIdProvider Provider { get; private set; } = null!;

        public HostProcess Process { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(_folder);
            Provider = await LocalOpenIdProvider.StartAsync(https: true);
            var settings = Provider.BotSettings();
            settings["Storage:ConnectionString"] = $"Data Source={Path.Combine(_folder, "bot.db")}";
            settings["CheckIn:DispatcherEnabled"] = "false";
            Process = await HostProcess.StartAsync(settings, new Dictionary<string, string> { ["SSL_CERT_FILE"] = Provider.TrustFile! });
        }

        public async Task DisposeAsync()
        {
            await Process.DisposeAsync();
            await Provider.DisposeAsync();
            Directory.Delete(_folder, recursive: true);
        }

        public async Task<HttpResponseMessage> PostAsync(string conversationId, string token)
        {
            var activity = TestActivities.MembersAdded(conversationId);
            activity["serviceUrl"] = ServiceUrl;
            activity["channelId"] = "msteams";
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = TestActivities.Json(activity) };
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
            return await Process.Http.SendAsync(request);
        }
    }
}
