namespace StretchBot.DirectLine;

/// <summary>Settings of the web page's Direct Line, bound from the "DirectLine" configuration section.</summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>Serve the token endpoint and (in Local mode) the Direct Line 3.0 endpoints.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Local: this host is the Direct Line service. Azure: Azure Bot Service's Direct Line.</summary>
    public DirectLineMode Mode { get; set; } = DirectLineMode.Local;

    /// <summary>Azure mode only: the Direct Line channel secret. Stays on the server; never sent to the browser.</summary>
    public string Secret { get; set; } = string.Empty;

    /// <summary>Azure mode only: the Direct Line endpoint (regional endpoints differ).</summary>
    public string AzureEndpoint { get; set; } = "https://directline.botframework.com/v3/directline";

    /// <summary>
    /// Local mode: the HMAC-SHA256 key that signs tokens (base64, at least 32 bytes once decoded). When empty, a key
    /// is generated once and stored in the database, so every instance sharing the database accepts the same tokens.
    /// </summary>
    public string TokenSigningKey { get; set; } = string.Empty;

    /// <summary>How long a Direct Line token lasts; Web Chat refreshes it at half-time.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long a conversation's transcript (and the browser's resume ticket) is kept after its last activity.
    /// Must outlast the check-in interval (a week) so a check-in that arrives while the person is away waits for them.
    /// </summary>
    public TimeSpan TranscriptRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often expired transcripts are removed.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The largest activity (JSON bytes) a client or the bot may post.</summary>
    public int MaxActivityBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Whether the web page receives activities over a WebSocket (each conversation's streamUrl) instead of polling every
    /// second. Turn it off only behind a proxy that cannot pass WebSockets; polling works either way.
    /// </summary>
    public bool WebSocket { get; set; } = true;

    /// <summary>How long a streamUrl may wait to be opened (a client reconnecting asks for a new one).</summary>
    public TimeSpan StreamUrlLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many streams of one conversation may be open on one instance at once (a page per browser tab); more get 429.</summary>
    public int MaxStreamsPerConversation { get; set; } = 8;

    /// <summary>How many activities one GET returns at most; the client pages on with the watermark.</summary>
    public int MaxActivitiesPerPage { get; set; } = 100;

    /// <summary>
    /// How many new conversations (token requests) one client address may start per minute; more get 429.
    /// Each one creates a stored conversation, so this endpoint must not be an open tap.
    /// </summary>
    public int TokenRequestsPerMinute { get; set; } = 20;

    /// <summary>
    /// The base URL the bot's replies are posted to (the activity's serviceUrl is this plus /directline-connector).
    /// Empty: this instance's own loopback address (first address Kestrel listens on), so replies never leave the machine.
    /// </summary>
    public string ConnectorBaseUrl { get; set; } = string.Empty;
}
