using System.Collections.Concurrent;

namespace StretchBot.Tests.TestSupport;

/// <summary>
/// The IHttpClientFactory the host's outgoing calls use in tests: requests to a registered host go to that host's fake
/// handler (a fake Teams connector, a fake Azure Direct Line); everything else goes to the default handler (the
/// in-memory test server, so the bot's replies reach our own connector endpoints), so nothing reaches the network.
/// </summary>
public sealed class RoutingHttpClientFactory : IHttpClientFactory
{
    private readonly ConcurrentDictionary<string, HttpMessageHandler> _routes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Func<HttpMessageHandler> _defaultHandler;

    public RoutingHttpClientFactory(Func<HttpMessageHandler> defaultHandler)
    {
        _defaultHandler = defaultHandler;
    }

    public void Route(string host, HttpMessageHandler handler) => _routes[host] = handler;

    public HttpClient CreateClient(string name) => new(new RoutingHandler(this), disposeHandler: true);

    private sealed class RoutingHandler : DelegatingHandler
    {
        private readonly RoutingHttpClientFactory _factory;

        public RoutingHandler(RoutingHttpClientFactory factory)
        {
            _factory = factory;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var target = request.RequestUri is { } uri && _factory._routes.TryGetValue(uri.Host, out var handler)
                ? handler
                : _factory._defaultHandler();
            return new HttpMessageInvoker(target, disposeHandler: false).SendAsync(request, cancellationToken);
        }
    }
}
