using System.Text;
using System.Text.Encodings.Web;
using StretchBot.Domain.Catalog;
using StretchBot.Dialogs.Plans;
using StretchBot.Dialogs.Progress;

namespace StretchBot.Progress;

/// <summary>
/// The printable summary a shared link opens: the general-information disclaimer, the consent time, the pain trend (the
/// picture, its reading and every score), the answers the plan was made from, every safety screen with its date, the
/// plan now and every change with its reason, and each check-in. Plain HTML with the site's own print style sheet
/// (css/share.css): no script, nothing from another host. Dates are in the zone of the person who shared it.
/// </summary>
public sealed class SharePage
{
    public const string Disclaimer = "General information, not a diagnosis. StretchBot suggests gentle stretches from what the person told it in a chat; it has not examined them and is not a doctor or physiotherapist. The answers below are the person's own.";

    // The page's own icon, inline (the same as the chat page's), so the browser asks the host for nothing else.
    private const string Icon = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Ccircle cx='16' cy='16' r='16' fill='%232f6f6a'/%3E%3Ctext x='16' y='22' font-family='sans-serif' font-size='18' font-weight='bold' fill='white' text-anchor='middle'%3ES%3C/text%3E%3C/svg%3E";

    private readonly StretchCatalog _catalog;

    public SharePage(StretchCatalog catalog)
    {
        _catalog = catalog;
    }

    public string Render(ProgressHistory history, ShareLink link, string picturePath, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(link);
        var zone = UserTimeZone.Resolve(link.TimeZoneId);
        var html = new Html(zone, id => _catalog.TryGet(id, out var stretch) ? stretch.Name : id);
        html.Raw("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Raw("<meta name=\"robots\" content=\"noindex, nofollow\">\n<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Raw("<title>Back pain stretching summary</title>\n<link rel=\"icon\" href=\"" + Icon + "\">\n<link rel=\"stylesheet\" href=\"/css/share.css\">\n</head>\n<body>\n<main class=\"summary\">\n")
            .Raw("<header class=\"summary__header\"><p class=\"summary__brand\">StretchBot</p><h1>Back pain stretching summary</h1>")
            .Element("p", $"Shared by the person on {PainTrendText.LongDate(link.CreatedUtc, zone)}; shown as it stood on {PainTrendText.LongDate(now, zone)}. This link works until {PainTrendText.LongDate(link.ExpiresUtc, zone)}.", "summary__meta")
            .Raw("</header>\n")
            .Element("p", Disclaimer, "summary__disclaimer");
        SharePageSections.Consent(html, history);
        SharePageSections.Pain(html, history, picturePath);
        SharePageSections.Answers(html, history);
        SharePageSections.Screens(html, history);
        SharePageSections.Plan(html, history);
        SharePageSections.CheckIns(html, history);
        html.Raw("<footer class=\"summary__footer\">")
            .Element("p", "Made by StretchBot from the person's own answers. General information only: please use your own clinical judgement.")
            .Raw("</footer>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>What an unknown, expired or ended link shows (the same for each, so a link's fate is not told).</summary>
    public static string NotFound()
        => "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           + "<meta name=\"robots\" content=\"noindex, nofollow\">\n<title>Link not available</title>\n<link rel=\"stylesheet\" href=\"/css/share.css\">\n</head>\n"
           + "<body>\n<main class=\"summary\">\n<h1>This link isn't available</h1>\n"
           + "<p>It may have expired, or the person who shared it may have turned it off or deleted their data. Ask them for a new link: in the chat they can type \"share with my physio\".</p>\n"
           + "</main>\n</body>\n</html>\n";

    /// <summary>An HTML writer that encodes every piece of text, and knows the zone and the stretch names.</summary>
    internal sealed class Html(TimeZoneInfo zone, Func<string, string> stretchName)
    {
        private readonly StringBuilder _text = new();

        public TimeZoneInfo Zone { get; } = zone;

        public string StretchName(string id) => stretchName(id);

        public string Date(DateTimeOffset at) => PainTrendText.LongDate(at, Zone);

        public Html Raw(string markup)
        {
            _text.Append(markup);
            return this;
        }

        public Html Element(string tag, string text, string? cssClass = null)
        {
            _text.Append('<').Append(tag);
            if (cssClass is not null)
            {
                _text.Append(" class=\"").Append(cssClass).Append('"');
            }

            _text.Append('>').Append(HtmlEncoder.Default.Encode(text)).Append("</").Append(tag).Append(">\n");
            return this;
        }

        /// <summary>A table with a header row; every cell is text.</summary>
        public Html Table(string caption, IReadOnlyList<string> headings, IEnumerable<IReadOnlyList<string>> rows)
        {
            _text.Append("<table>\n");
            Element("caption", caption);
            _text.Append("<thead><tr>");
            foreach (var heading in headings)
            {
                _text.Append("<th scope=\"col\">").Append(HtmlEncoder.Default.Encode(heading)).Append("</th>");
            }

            _text.Append("</tr></thead>\n<tbody>\n");
            foreach (var row in rows)
            {
                _text.Append("<tr>");
                foreach (var cell in row)
                {
                    _text.Append("<td>").Append(HtmlEncoder.Default.Encode(cell)).Append("</td>");
                }

                _text.Append("</tr>\n");
            }

            _text.Append("</tbody>\n</table>\n");
            return this;
        }

        public static string Attribute(string value) => HtmlEncoder.Default.Encode(value);

        public override string ToString() => _text.ToString();
    }
}
