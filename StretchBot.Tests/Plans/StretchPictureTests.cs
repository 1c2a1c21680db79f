using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using StretchBot.Domain.Catalog;
using StretchBot.Dialogs.Plans;

namespace StretchBot.Tests.Plans;

/// <summary>The pictures the stretch cards point at exist, are described, and are served by the running host.</summary>
public class StretchPictureTests : IClassFixture<WebApplicationFactory<Program>>
{
    private readonly WebApplicationFactory<Program> _factory;

    public StretchPictureTests(WebApplicationFactory<Program> factory)
    {
        _factory = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Storage:ConnectionString", $"Data Source={Path.Combine(Path.GetTempPath(), $"stretchbot-pictures-{Guid.NewGuid():N}.db")}");
            builder.UseSetting("CheckIn:DispatcherEnabled", "false");
        });
    }

    public static TheoryData<string> StretchIds() => new(StretchCatalog.LoadEmbedded().Stretches.Select(s => s.Id));

    [Theory]
    [MemberData(nameof(StretchIds))]
    public void EveryStretchHasAltTextDescribingTheMovement(string id)
    {
        var alt = StretchCatalog.LoadEmbedded().Get(id).PictureAlt;
        Assert.False(string.IsNullOrWhiteSpace(alt));
        Assert.True(alt.Split(' ').Length >= 8, $"The alt text of {id} is too short to describe a movement: \"{alt}\"");
    }

    [Theory]
    [MemberData(nameof(StretchIds))]
    public void EveryPictureHasAShortCaptionForEachOfItsTwoPanels(string id)
    {
        var captions = StretchCatalog.LoadEmbedded().Get(id).PictureCaptions;

        Assert.Equal(2, captions.Count);
        Assert.All(captions, c => Assert.InRange(c.Length, 10, 70)); // half a phone-wide card, three lines at most
    }

    [Theory]
    [MemberData(nameof(StretchIds))]
    public async Task TheImageUrlACardCarriesIsServedAsASmallImage(string id)
    {
        var presenter = _factory.Services.GetRequiredService<PlanPresenter>();
        var url = new Uri(presenter.ImageUrl(id));
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(url.PathAndQuery);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.InRange(bytes.Length, 1, 150 * 1024);
    }

    [Fact]
    public void CardImageUrlsAreAbsoluteUnderTheConfiguredPublicBaseUrl()
    {
        var configured = _factory.WithWebHostBuilder(b => b.UseSetting("Bot:PublicBaseUrl", "https://bot.clinic.example/"));
        var presenter = configured.Services.GetRequiredService<PlanPresenter>();

        Assert.Equal("https://bot.clinic.example/images/stretches/cobra.png", presenter.ImageUrl("cobra"));
    }
}
