using System.Globalization;
using SkiaSharp;
using StretchBot.Dialogs.Progress;

namespace StretchBot.Progress;

/// <summary>What a label on the trend picture says.</summary>
public enum ChartLabelKind
{
    /// <summary>A pain level on the left (0, 2, ... 10).</summary>
    Level,

    /// <summary>A score's date under the picture.</summary>
    Date,

    /// <summary>A score above its point.</summary>
    Score,
}

/// <summary>A label of the trend picture and the box it takes.</summary>
public sealed record ChartLabel(string Text, SKRect Box, ChartLabelKind Kind);

/// <summary>The size of a trend picture in pixels and its text size (pictures are drawn at twice the size they are shown).</summary>
public sealed record ChartSize(int Width, int Height, float TextSize)
{
    /// <summary>"my progress" and the physio's summary.</summary>
    public static ChartSize Full { get; } = new(1200, 600, 30);

    /// <summary>After a check-in, shown 300 px wide.</summary>
    public static ChartSize Small { get; } = new(600, 300, 26);
}

/// <summary>
/// Where everything on the trend picture goes: the plot area, a point per score (evenly spaced, oldest on the left) and
/// the labels. Labels are placed in order of importance (the pain levels; the first and latest date, then dates at a
/// regular step that leaves room between them; the first and latest score, then the rest from the left) and one that
/// would touch a label already placed, or leave the picture, is left out: so with many scores some dates and numbers
/// drop out, and no two labels ever overlap. One score is drawn in the middle.
/// </summary>
public sealed class TrendChartLayout
{
    private const float Gap = 6;

    private TrendChartLayout(ChartSize size, SKRect plot, IReadOnlyList<SKPoint> points, IReadOnlyList<ChartLabel> labels, float markerRadius)
    {
        Size = size;
        Plot = plot;
        Points = points;
        Labels = labels;
        MarkerRadius = markerRadius;
    }

    public ChartSize Size { get; }

    public SKRect Plot { get; }

    public IReadOnlyList<SKPoint> Points { get; }

    public IReadOnlyList<ChartLabel> Labels { get; }

    public float MarkerRadius { get; }

    /// <summary>The y of a pain level.</summary>
    public float LevelY(int pain) => Plot.Bottom - (pain / 10f * Plot.Height);

    public static TrendChartLayout For(IReadOnlyList<PainPoint> scores, TimeZoneInfo zone, ChartSize size, SKFont font)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(font);
        var dates = scores.Select(s => PainTrendText.ShortDate(s.At, zone)).ToList();
        var lineHeight = font.Spacing;
        var pad = size.Width * 0.02f;
        var widestDate = dates.Count == 0 ? 0 : dates.Max(d => font.MeasureText(d));
        var left = pad + font.MeasureText("10") + (Gap * 2);
        var plot = new SKRect(left, pad + lineHeight + Gap, size.Width - pad, size.Height - pad - lineHeight - Gap);
        var marker = size.TextSize * 0.3f;
        var inset = Math.Max(widestDate / 2, marker * 2) + Gap;
        var points = scores.Select((s, i) => new SKPoint(X(plot, inset, i, scores.Count), plot.Bottom - (s.Pain / 10f * plot.Height))).ToList();

        var placed = new List<ChartLabel>();
        foreach (var level in new[] { 0, 2, 4, 6, 8, 10 })
        {
            var text = level.ToString(CultureInfo.InvariantCulture);
            var y = plot.Bottom - (level / 10f * plot.Height);
            var width = font.MeasureText(text);
            TryPlace(placed, size, new ChartLabel(text, new SKRect(plot.Left - Gap - width, y - (lineHeight / 2), plot.Left - Gap, y + (lineHeight / 2)), ChartLabelKind.Level));
        }

        // Dates at a regular step that fits them (and always the first and the latest), then the scores.
        var step = DateStep(points, widestDate + (font.Size * 1.5f));
        foreach (var i in ImportanceOrder(scores.Count).Where(i => i == scores.Count - 1 || i % step == 0))
        {
            TryPlace(placed, size, Centered(dates[i], points[i].X, plot.Bottom + Gap, font, ChartLabelKind.Date));
        }

        foreach (var i in ImportanceOrder(scores.Count))
        {
            var score = scores[i].Pain.ToString(CultureInfo.InvariantCulture);
            TryPlace(placed, size, Centered(score, points[i].X, points[i].Y - marker - Gap - lineHeight, font, ChartLabelKind.Score));
        }

        return new TrendChartLayout(size, plot, points, placed, marker);
    }

    // The first and the latest score first, then the rest from the left.
    private static IEnumerable<int> ImportanceOrder(int count)
        => count == 0 ? [] : new[] { 0, count - 1 }.Concat(Enumerable.Range(1, Math.Max(0, count - 2))).Distinct();

    // Every how many points a date fits, given the room one date needs.
    private static int DateStep(IReadOnlyList<SKPoint> points, float room)
    {
        if (points.Count < 2)
        {
            return 1;
        }

        var spacing = points[1].X - points[0].X;
        return Math.Max(1, (int)Math.Ceiling(room / spacing));
    }

    private static float X(SKRect plot, float inset, int index, int count)
        => count == 1 ? plot.MidX : plot.Left + inset + (index * (plot.Width - (2 * inset)) / (count - 1));

    private static ChartLabel Centered(string text, float x, float top, SKFont font, ChartLabelKind kind)
    {
        var half = font.MeasureText(text) / 2;
        return new ChartLabel(text, new SKRect(x - half, top, x + half, top + font.Spacing), kind);
    }

    private static void TryPlace(List<ChartLabel> placed, ChartSize size, ChartLabel label)
    {
        var inside = label.Box.Left >= 0 && label.Box.Top >= 0 && label.Box.Right <= size.Width && label.Box.Bottom <= size.Height;
        var spaced = SKRect.Inflate(label.Box, Gap / 2, 0);
        if (inside && !placed.Any(p => p.Box.IntersectsWith(spaced)))
        {
            placed.Add(label);
        }
    }
}
