using System.Xml;
using System.Xml.Linq;

namespace StretchBot.Tests.Illustrations;

/// <summary>
/// File-level checks on the stretch pictures the host serves from wwwroot/images/stretches:
/// every stretch has an SVG source and a PNG render small enough for a chat card.
/// </summary>
public class StretchIllustrationFilesTests
{
    private const long MaxPngBytes = 150 * 1024;

    private static readonly string[] Ids =
    [
        "cat-cow",
        "cobra",
        "knee-hugs",
        "knee-rolls",
        "seated-sciatic-nerve-floss",
        "seated-flexion",
        "mckenzie-side-glide",
        "standing-extension",
        "standing-side-bend",
        "gluteal-stretch",
        "piriformis-stretch",
        "kneeling-hip-flexor-stretch",
    ];

    public static TheoryData<string> StretchIds => new(Ids);

    [Theory]
    [MemberData(nameof(StretchIds))]
    public void EveryStretchHasAPngPictureSmallEnoughForAChat(string id)
    {
        var path = ImagePath(id, "png");

        Assert.True(File.Exists(path), $"missing picture {path}");
        var length = new FileInfo(path).Length;
        Assert.InRange(length, 1, MaxPngBytes);
    }

    [Theory]
    [MemberData(nameof(StretchIds))]
    public void EveryPngPictureIsARealPngOfCardSize(string id)
    {
        var bytes = File.ReadAllBytes(ImagePath(id, "png"));

        var png = PngImage.Read(bytes);
        var (width, height) = (png.Width, png.Height);

        Assert.InRange(width, 320, 1600);
        Assert.InRange(height, 160, 1200);
        Assert.True(width >= height, "pictures are landscape so the start and end positions sit side by side");
    }

    [Theory]
    [MemberData(nameof(StretchIds))]
    public void EveryStretchHasAWellFormedSvgSourceWithAViewBoxAndATitle(string id)
    {
        var path = ImagePath(id, "svg");
        Assert.True(File.Exists(path), $"missing SVG source {path}");

        var document = LoadSvg(path);
        var root = document.Root!;

        Assert.Equal("svg", root.Name.LocalName);
        var viewBox = (string?)root.Attribute("viewBox");
        Assert.False(string.IsNullOrWhiteSpace(viewBox), "the SVG needs a viewBox so it scales in a card");
        var numbers = viewBox!.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, numbers.Length);

        var title = root.Elements().FirstOrDefault(e => e.Name.LocalName == "title");
        Assert.NotNull(title);
        Assert.False(string.IsNullOrWhiteSpace(title!.Value), "the SVG title names the stretch for screen readers");
    }

    [Theory]
    [MemberData(nameof(StretchIds))]
    public void EverySvgDescribesTheMovementInWords(string id)
    {
        var document = LoadSvg(ImagePath(id, "svg"));

        var description = document.Root!.Elements().FirstOrDefault(e => e.Name.LocalName == "desc");

        Assert.NotNull(description);
        Assert.True(description!.Value.Trim().Length >= 60, "the description should explain the start and end positions");
    }

    [Theory]
    [MemberData(nameof(StretchIds))]
    public void EverySvgShowsTheStartAndTheEndPositionAsNumberedPanels(string id)
    {
        var document = LoadSvg(ImagePath(id, "svg"));

        var panels = document.Descendants()
            .Where(e => e.Name.LocalName == "g" && (string?)e.Attribute("class") is "start" or "then")
            .Select(e => ((string)e.Attribute("class")!, e.Descendants().Where(t => t.Name.LocalName == "text").Select(t => t.Value.Trim()).ToList()))
            .ToList();

        Assert.Equal(["start", "then"], panels.Select(p => p.Item1));
        Assert.Equal(["1"], panels[0].Item2);
        Assert.Equal(["2"], panels[1].Item2);
    }

    /// <summary>
    /// A phone shows the 640 px picture about 288 px wide, so text drawn at 12 px comes out at about 5 px. The pictures
    /// carry no words (the card shows the captions); the panel numbers are drawn large enough to read at that width.
    /// </summary>
    [Theory]
    [MemberData(nameof(StretchIds))]
    public void EverySvgCarriesOnlyPanelNumbersLegibleAtPhoneWidth(string id)
    {
        const double PhoneScale = 288.0 / 640.0;
        const double SmallestLegiblePixels = 12;
        var document = LoadSvg(ImagePath(id, "svg"));

        foreach (var text in document.Descendants().Where(e => e.Name.LocalName == "text"))
        {
            Assert.Matches("^[0-9]$", text.Value.Trim());
            var size = double.Parse((string)text.Attribute("font-size")!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(size * PhoneScale >= SmallestLegiblePixels, $"{id}: '{text.Value}' is {size * PhoneScale:0.0} px on a phone");
        }
    }

    [Theory]
    [MemberData(nameof(StretchIds))]
    public void EverySvgIsSelfContainedWithoutExternalAssets(string id)
    {
        var document = LoadSvg(ImagePath(id, "svg"));

        var references = document.Descendants()
            .SelectMany(e => e.Attributes())
            .Where(a => a.Name.LocalName == "href")
            .Select(a => a.Value)
            .ToList();

        Assert.Empty(references);
    }

    [Fact]
    public void ThePictureFolderHoldsNoPictureForAnUnknownStretch()
    {
        var folder = Path.Combine(RepositoryRoot(), "StretchBot", "wwwroot", "images", "stretches");
        var known = Ids.ToHashSet(StringComparer.Ordinal);

        var strays = Directory.EnumerateFiles(folder)
            .Where(f => f.EndsWith(".png", StringComparison.Ordinal) || f.EndsWith(".svg", StringComparison.Ordinal))
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Where(name => !known.Contains(name))
            .ToList();

        Assert.Empty(strays);
    }

    private static XDocument LoadSvg(string path)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(path, settings);
        return XDocument.Load(reader);
    }

    private static string ImagePath(string id, string extension) =>
        Path.Combine(RepositoryRoot(), "StretchBot", "wwwroot", "images", "stretches", $"{id}.{extension}");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StretchBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("StretchBot.sln not found above " + AppContext.BaseDirectory);
    }
}
