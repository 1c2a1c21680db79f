using SkiaSharp;
using StretchBot.Dialogs.Progress;
using StretchBot.Progress;

namespace StretchBot.Tests.Progress;

/// <summary>
/// The pain trend picture for one score, two, twelve weeks and far more: it draws, no two labels overlap or leave the
/// picture, the first and latest score and date are always there, and it is drawn with the font shipped with the app.
/// The pictures are saved under the test output's artifacts/progress folder to look at.
/// </summary>
public class TrendChartTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 14, 0, 0, TimeSpan.Zero);

    public static TheoryData<int, bool> Cases() => new()
    {
        { 1, false }, { 2, false }, { 13, false }, { 60, false },
        { 2, true }, { 13, true }, { 60, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ThePictureDrawsAsAPngOfItsSize(int scores, bool small)
    {
        var size = small ? ChartSize.Small : ChartSize.Full;
        var png = TrendChart.RenderPng(Scores(scores), TimeZoneInfo.Utc, size);

        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(size.Width, bitmap.Width);
        Assert.Equal(size.Height, bitmap.Height);
        Save(png, $"trend-{scores}{(small ? "-small" : string.Empty)}.png");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void NoTwoLabelsOverlapAndNoneLeavesThePicture(int scores, bool small)
    {
        var size = small ? ChartSize.Small : ChartSize.Full;
        var layout = TrendChart.Layout(Scores(scores), TimeZoneInfo.Utc, size);

        foreach (var label in layout.Labels)
        {
            Assert.True(label.Box.Left >= 0 && label.Box.Top >= 0 && label.Box.Right <= size.Width && label.Box.Bottom <= size.Height, $"'{label.Text}' leaves the picture: {label.Box}");
        }

        for (var i = 0; i < layout.Labels.Count; i++)
        {
            for (var j = i + 1; j < layout.Labels.Count; j++)
            {
                Assert.False(layout.Labels[i].Box.IntersectsWith(layout.Labels[j].Box), $"'{layout.Labels[i].Text}' overlaps '{layout.Labels[j].Text}'");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheFirstAndLatestScoreAndDateAndEveryPainLevelAreLabelled(int scores, bool small)
    {
        var points = Scores(scores);
        var layout = TrendChart.Layout(points, TimeZoneInfo.Utc, small ? ChartSize.Small : ChartSize.Full);

        Assert.Equal(["0", "2", "4", "6", "8", "10"], Texts(layout, ChartLabelKind.Level));
        Assert.Equal(points.Count, layout.Points.Count);

        // Placed first: the first score's number and date, then the latest's.
        var latest = scores == 1 ? 0 : 1;
        var dates = Texts(layout, ChartLabelKind.Date);
        Assert.Equal(PainTrendText.ShortDate(points[0].At, TimeZoneInfo.Utc), dates[0]);
        Assert.Equal(PainTrendText.ShortDate(points[^1].At, TimeZoneInfo.Utc), dates[latest]);
        var shown = Texts(layout, ChartLabelKind.Score);
        Assert.Equal(points[0].Pain.ToString(System.Globalization.CultureInfo.InvariantCulture), shown[0]);
        Assert.Equal(points[^1].Pain.ToString(System.Globalization.CultureInfo.InvariantCulture), shown[latest]);
    }

    [Fact]
    public void TwelveWeeksOnTheFullPictureShowEveryScore()
    {
        var layout = TrendChart.Layout(Scores(13), TimeZoneInfo.Utc, ChartSize.Full);

        Assert.Equal(13, Texts(layout, ChartLabelKind.Score).Count);
        Assert.True(Texts(layout, ChartLabelKind.Date).Count >= 7, "at least every other date fits");
    }

    [Fact]
    public void OneScoreSitsInTheMiddleWithItsNumberAndDate()
    {
        var layout = TrendChart.Layout(Scores(1), TimeZoneInfo.Utc, ChartSize.Full);

        Assert.Equal(layout.Plot.MidX, Assert.Single(layout.Points).X);
        Assert.Single(Texts(layout, ChartLabelKind.Score));
        Assert.Single(Texts(layout, ChartLabelKind.Date));
    }

    [Fact]
    public void ThePictureIsDrawnWithTheFontShippedWithTheApp()
    {
        using var font = TrendChart.Font(ChartSize.Full);

        Assert.Equal("DejaVu Sans", font.Typeface.FamilyName);
    }

    // Weekly scores that go up and down across the whole scale (0 and 10 included).
    private static List<PainPoint> Scores(int count)
        => Enumerable.Range(0, count).Select(i => new PainPoint(Start.AddDays(7 * i), count == 1 ? 6 : new[] { 7, 10, 6, 0, 5, 9, 3, 4, 8, 2, 1 }[i % 11])).ToList();

    private static List<string> Texts(TrendChartLayout layout, ChartLabelKind kind) => layout.Labels.Where(l => l.Kind == kind).Select(l => l.Text).ToList();

    private static void Save(byte[] png, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts", "progress");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, name), png);
    }
}
