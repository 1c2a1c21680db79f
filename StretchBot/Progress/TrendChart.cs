using SkiaSharp;
using StretchBot.Dialogs.Progress;

namespace StretchBot.Progress;

/// <summary>
/// Draws the pain trend as a PNG with SkiaSharp and the font shipped with the app (DejaVu Sans, embedded), so a bare host
/// draws exactly what a developer's machine does: levels 0-10 on the left, a point per score joined by a line, each
/// score's number above it and its date below (see <see cref="TrendChartLayout"/>).
/// </summary>
public static class TrendChart
{
    private const string FontResource = "fonts.DejaVuSans.ttf";

    private static readonly SKColor Background = SKColors.White;
    private static readonly SKColor Grid = new(0xe3, 0xe0, 0xda);
    private static readonly SKColor Muted = new(0x55, 0x62, 0x5f);
    private static readonly SKColor Ink = new(0x23, 0x30, 0x2f);
    private static readonly SKColor Teal = new(0x2f, 0x6f, 0x6a);
    private static readonly Lazy<SKTypeface> Typeface = new(LoadTypeface);

    /// <summary>The font the picture is drawn with, at its text size.</summary>
    public static SKFont Font(ChartSize size) => new(Typeface.Value, size.TextSize) { Subpixel = true, Edging = SKFontEdging.Antialias };

    public static TrendChartLayout Layout(IReadOnlyList<PainPoint> scores, TimeZoneInfo zone, ChartSize size)
    {
        using var font = Font(size);
        return TrendChartLayout.For(scores, zone, size, font);
    }

    public static byte[] RenderPng(IReadOnlyList<PainPoint> scores, TimeZoneInfo zone, ChartSize size)
    {
        using var font = Font(size);
        var layout = TrendChartLayout.For(scores, zone, size, font);
        using var surface = SKSurface.Create(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(Background);
        DrawGrid(canvas, layout);
        DrawLine(canvas, layout);
        DrawLabels(canvas, layout, font);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static void DrawGrid(SKCanvas canvas, TrendChartLayout layout)
    {
        using var paint = new SKPaint { Color = Grid, StrokeWidth = 2, IsAntialias = true };
        foreach (var level in new[] { 0, 2, 4, 6, 8, 10 })
        {
            var y = layout.LevelY(level);
            canvas.DrawLine(layout.Plot.Left, y, layout.Plot.Right, y, paint);
        }
    }

    private static void DrawLine(SKCanvas canvas, TrendChartLayout layout)
    {
        using var line = new SKPaint { Color = Teal, StrokeWidth = layout.MarkerRadius * 0.6f, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeJoin = SKStrokeJoin.Round };
        if (layout.Points.Count > 1)
        {
            using var path = new SKPath();
            path.MoveTo(layout.Points[0]);
            foreach (var point in layout.Points.Skip(1))
            {
                path.LineTo(point);
            }

            canvas.DrawPath(path, line);
        }

        using var fill = new SKPaint { Color = Teal, IsAntialias = true };
        using var ring = new SKPaint { Color = Background, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = layout.MarkerRadius * 0.4f };
        foreach (var point in layout.Points)
        {
            canvas.DrawCircle(point, layout.MarkerRadius, fill);
            canvas.DrawCircle(point, layout.MarkerRadius, ring);
        }
    }

    private static void DrawLabels(SKCanvas canvas, TrendChartLayout layout, SKFont font)
    {
        using var muted = new SKPaint { Color = Muted, IsAntialias = true };
        using var ink = new SKPaint { Color = Ink, IsAntialias = true };
        using var halo = new SKPaint { Color = Background, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = font.Size * 0.3f, StrokeJoin = SKStrokeJoin.Round };
        using var bold = new SKFont(font.Typeface, font.Size) { Embolden = true, Subpixel = true, Edging = SKFontEdging.Antialias };
        foreach (var label in layout.Labels)
        {
            var (paint, face) = label.Kind == ChartLabelKind.Score ? (ink, bold) : (muted, font);
            var baseline = label.Box.Top - font.Metrics.Ascent;
            if (label.Kind == ChartLabelKind.Score)
            {
                canvas.DrawText(label.Text, label.Box.MidX, baseline, SKTextAlign.Center, face, halo); // readable over the line
            }

            canvas.DrawText(label.Text, label.Box.MidX, baseline, SKTextAlign.Center, face, paint);
        }
    }

    private static SKTypeface LoadTypeface()
    {
        using var stream = typeof(TrendChart).Assembly.GetManifestResourceStream(FontResource)
            ?? throw new InvalidOperationException($"The chart font ({FontResource}) is missing from the assembly.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException("The chart font could not be read.");
    }
}
