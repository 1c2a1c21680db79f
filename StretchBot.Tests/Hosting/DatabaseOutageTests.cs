using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StretchBot.Dialogs.Progress;
using StretchBot.Hosting;

namespace StretchBot.Tests.Hosting;

public sealed class DatabaseOutageTests : IDisposable
{
    private readonly StretchBotAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task APageThatFindsTheDatabaseDownAnswers503WithRetryAfterNot500()
    {
        using var host = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IProgressStore>();
            services.AddSingleton<IProgressStore>(new UnreachableProgressStore());
        }));

        using var response = await host.CreateClient().GetAsync($"{ProgressAddresses.SharePath}/{ProgressTokens.NewToken()}");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(DatabaseOutageMiddleware.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithTheDatabaseUpTheSamePageIsAPlainNotFound()
    {
        using var response = await _factory.CreateClient().GetAsync($"{ProgressAddresses.SharePath}/{ProgressTokens.NewToken()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private sealed class DatabaseDownException() : DbException("could not connect to the server");

    /// <summary>A progress store whose database cannot be reached.</summary>
    private sealed class UnreachableProgressStore : IProgressStore
    {
        public Task AppendAsync(string userKey, ProgressEvent progressEvent, CancellationToken cancellationToken) => throw new DatabaseDownException();

        public Task SetConsentAsync(string userKey, DateTimeOffset at, CancellationToken cancellationToken) => throw new DatabaseDownException();

        public Task<StoredHistory?> ReadAsync(string userKey, CancellationToken cancellationToken) => throw new DatabaseDownException();

        public Task<string?> PictureKeyAsync(string userKey, string? timeZoneId, CancellationToken cancellationToken) => throw new DatabaseDownException();

        public Task<string?> UserForPictureKeyAsync(string pictureKey, CancellationToken cancellationToken) => throw new DatabaseDownException();

        public Task AddShareLinkAsync(string tokenHash, ShareLink link, CancellationToken cancellationToken) => throw new DatabaseDownException();

        public Task<ShareLink?> FindShareLinkAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken) => throw new DatabaseDownException();

        public Task<int> RevokeShareLinksAsync(string userKey, CancellationToken cancellationToken) => throw new DatabaseDownException();

        public Task DeleteUserAsync(string userKey, CancellationToken cancellationToken) => throw new DatabaseDownException();

        public Task<int> DeleteInactiveAsync(DateTimeOffset inactiveSince, DateTimeOffset now, CancellationToken cancellationToken) => throw new DatabaseDownException();
    }
}
