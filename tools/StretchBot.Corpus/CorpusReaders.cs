using System.Text.Json.Nodes;
using StretchBot.Dialogs.CheckIns;
using StretchBot.Domain.Catalog;
using StretchBot.Domain.RedFlags;
using StretchBot.Dialogs.Understanding;
using StretchBot.Dialogs.Understanding.Readers;

namespace StretchBot.Corpus;

/// <summary>
/// The bot's real readers, on the corpus's clock (Tuesday 24 November 2026, 14:00, Europe/London), one per
/// question key of the corpus.
/// </summary>
public sealed class CorpusReaders
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 14, 0, 0, TimeSpan.Zero);

    private readonly TimeProvider _time = new FixedTime(Now);
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private readonly DurationReader _duration;
    private readonly AgeReader _age;
    private readonly FutureTimeReader _future;
    private readonly CheckInReader _checkIn;
    private readonly Dictionary<string, string> _signByQuestion;

    public CorpusReaders()
    {
        _duration = new DurationReader(_time);
        _age = new AgeReader(_time);
        _future = new FutureTimeReader(_time);
        var catalog = StretchCatalog.LoadEmbedded();
        _checkIn = new CheckInReader(StretchSynonyms.WithNames(catalog), SignVocabulary.Default);
        _signByQuestion = RedFlagCatalog.All.ToDictionary(q => $"Just to check: {q.Question}", q => q.Id);
    }

    /// <summary>Reads the entry's text with the reader for its question.</summary>
    public ReaderOutcome Read(CorpusEntry entry) => Read(entry.Question, entry.Text, entry);

    private ReaderOutcome Read(string question, string text, CorpusEntry entry) => question switch
    {
        "consent" => Consent(ClinicianOkReader.Consent.Read(text)),
        "clearance" => Consent(ClinicianOkReader.Clearance.Read(text)),
        "emergency" => RedFlags(text, RedFlagCatalog.Emergency),
        "see-doctor" => RedFlags(text, RedFlagCatalog.SeeDoctorSoon),
        "sign-follow-up" => FollowUp(text, entry.Sign),
        "pain" => ReaderOutcome.From(new PainReader().Read(text), v => JsonValue.Create(v)),
        "duration" => ReaderOutcome.From(_duration.Read(text, _zone), v => JsonValue.Create(v.ToString())),
        "location" => ReaderOutcome.From(new LocationReader().Read(text), v => JsonValue.Create(v.ToString())),
        "worse-with" => ReaderOutcome.From(new WorseWithReader().Read(text), v => JsonValue.Create(v.ToString())),
        "diagnoses" => ReaderOutcome.From(new DiagnosisReader().Read(text), v => new JsonArray(v.Select(d => (JsonNode?)JsonValue.Create(d.ToString())).ToArray())),
        "floor" => YesNoAnswer(TriageYesNoReaders.Floor.Read(text)),
        "sitting" => YesNoAnswer(TriageYesNoReaders.Sitting.Read(text)),
        "running" => YesNoAnswer(TriageYesNoReaders.Running.Read(text)),
        "age" => ReaderOutcome.From(_age.Read(text), v => JsonValue.Create(v.ToString())),
        "check-in" => ReaderOutcome.From(_checkIn.Read(text, entry.Plan), CheckInJson.Format, q => _signByQuestion.GetValueOrDefault(q)),
        "check-in-time" => ReaderOutcome.From(_future.Read(text, _zone, "en-GB", [new FutureTimeReader.Button(Now.AddDays(7), Dialogs.Plans.CheckInTimes.DefaultButtonWords("Same time next week (Tue 1 Dec, 2:00 pm)"))]), v => JsonValue.Create(TimeZoneInfo.ConvertTime(v, _zone).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture))),
        "command" => Command(text, entry),
        _ => throw new InvalidOperationException($"Unknown question '{question}' in {entry.Id}."),
    };

    private static ReaderOutcome Consent(Reading<bool> reading)
        => reading.Kind == ReadingKind.NotUnderstood && reading.Remark == ClinicianOkReader.NotClinicianRemark
            ? ReaderOutcome.Of(ReaderOutcome.Understood, JsonValue.Create("not-clinician"))
            : YesNoAnswer(reading);

    private static ReaderOutcome YesNoAnswer(Reading<bool> reading) => ReaderOutcome.From(reading, v => JsonValue.Create(v ? "yes" : "no"));

    private ReaderOutcome RedFlags(string text, IReadOnlyList<RedFlagQuestion> card)
        => ReaderOutcome.From(
            RedFlagReader.Default.Read(text, card),
            reply => new JsonArray(reply.Yes.Order(StringComparer.Ordinal).Select(id => (JsonNode?)JsonValue.Create(id)).ToArray()),
            q => _signByQuestion.GetValueOrDefault(q));

    private static ReaderOutcome FollowUp(string text, string? sign) => ConfirmationReply.Read(text, safeAnswer: true, sign) switch
    {
        ConfirmationAnswer.Yes => ReaderOutcome.Of(ReaderOutcome.Understood, JsonValue.Create("yes")),
        ConfirmationAnswer.No => ReaderOutcome.Of(ReaderOutcome.Understood, JsonValue.Create("no")),
        ConfirmationAnswer.Unclear => ReaderOutcome.Of(ReaderOutcome.Unsure),
        _ => ReaderOutcome.Of(ReaderOutcome.NotUnderstood),
    };

    // A command in other words than its name gives way to a real answer to the open question.
    private ReaderOutcome Command(string text, CorpusEntry entry)
    {
        var command = CommandReader.Read(text);
        if (command is { Exact: false } && entry.Open is { } open && Read(open, text, entry).Kind != ReaderOutcome.NotUnderstood)
        {
            command = null;
        }

        return ReaderOutcome.Of(ReaderOutcome.Understood, command is null ? null : JsonValue.Create(CommandKey(command.Value.Command)));
    }

    private static string CommandKey(StretchBot.Dialogs.Commands.BotCommand command) => command switch
    {
        StretchBot.Dialogs.Commands.BotCommand.Help => "help",
        StretchBot.Dialogs.Commands.BotCommand.StartOver => "start-over",
        StretchBot.Dialogs.Commands.BotCommand.MyPlan => "my-plan",
        StretchBot.Dialogs.Commands.BotCommand.StopCheckIns => "stop-check-ins",
        _ => "delete-my-data",
    };

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
