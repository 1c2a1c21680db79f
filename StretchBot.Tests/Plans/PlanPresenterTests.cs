using Microsoft.Extensions.Options;
using StretchBot.Dialogs;
using StretchBot.Dialogs.Cards;
using StretchBot.Dialogs.Plans;
using StretchBot.Domain.Catalog;

namespace StretchBot.Tests.Plans;

public sealed class PlanPresenterTests
{
    private static readonly StretchCatalog Catalog = StretchCatalog.LoadEmbedded();

    private readonly PlanPresenter _presenter = new(new CardLibrary(), Catalog, Options.Create(new StretchBotOptions { PublicBaseUrl = "https://bot.example" }));

    [Fact]
    public void AStretchCardShownAgainIsTheSameCardInANewAttachment()
    {
        var stretch = Catalog.Stretches[0];

        var first = _presenter.StretchCard(stretch, "It eases pain that sitting makes worse.");
        var again = _presenter.StretchCard(stretch, "It eases pain that sitting makes worse.");

        Assert.NotSame(first, again);
        Assert.Equal(CardContent.Of(first).ToString(), CardContent.Of(again).ToString());
        Assert.Contains("It eases pain that sitting makes worse.", CardContent.Of(again).ToString(), StringComparison.Ordinal);
        Assert.Equal(CardLibrary.AdaptiveCardContentType, again.ContentType);
    }

    [Fact]
    public void EachReasonGetsItsOwnCardEvenBeyondTheCardsKept()
    {
        var stretch = Catalog.Stretches[^1];

        for (var i = 0; i < PlanPresenter.MaxCachedStretchCards + 5; i++)
        {
            var reason = $"Reason number {i}.";
            var card = CardContent.Of(_presenter.StretchCard(stretch, reason)).ToString();

            Assert.Contains(reason, card, StringComparison.Ordinal);
            Assert.Contains(stretch.Name, card, StringComparison.Ordinal);
        }

        Assert.Contains("Reason number 3.", CardContent.Of(_presenter.StretchCard(stretch, "Reason number 3.")).ToString(), StringComparison.Ordinal);
    }
}
