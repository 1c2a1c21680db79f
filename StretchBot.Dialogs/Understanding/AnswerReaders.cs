using StretchBot.Dialogs.CheckIns;
using StretchBot.Domain.Catalog;
using StretchBot.Dialogs.Understanding.Readers;

namespace StretchBot.Dialogs.Understanding;

/// <summary>
/// Every typed-answer reader the conversation uses, built once (the word lists and models are shared and
/// thread-safe). Readers that count back in time ("since Monday", "born in 1975") read the clock through
/// <see cref="TimeProvider"/>.
/// </summary>
public sealed class AnswerReaders
{
    public AnswerReaders(TimeProvider time, StretchCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(catalog);
        Duration = new DurationReader(time);
        Age = new AgeReader(time);
        FutureTime = new FutureTimeReader(time);
        CheckIn = new CheckInReader(StretchSynonyms.WithNames(catalog), SignVocabulary.Default);
    }

    public PainReader Pain { get; } = new();

    public DurationReader Duration { get; }

    public LocationReader Location { get; } = new();

    public WorseWithReader WorseWith { get; } = new();

    public DiagnosisReader Diagnoses { get; } = new();

    public AgeReader Age { get; }

    public FutureTimeReader FutureTime { get; }

    public CheckInReader CheckIn { get; }

    /// <summary>The triage's warning-sign cards.</summary>
    public RedFlagReader RedFlags { get; } = RedFlagReader.Default;

    /// <summary>The check-in's list of signs: only what can be new since last time.</summary>
    public RedFlagReader NewRedFlags { get; } = new(SignVocabulary.Default, onlyNewSigns: true);

    /// <summary>
    /// Loads the word lists and the Microsoft.Recognizers.Text models (about a second on a busy 2-core machine), so the
    /// first typed answer is as quick as the rest. The host runs this in the background at start.
    /// </summary>
    public void WarmUp()
    {
        _ = Pain.Read("about 7/10");
        _ = Duration.Read("since Monday, about 2 weeks", TimeZoneInfo.Utc);
        _ = Location.Read("down my left leg");
        _ = WorseWith.Read("sitting");
        _ = Diagnoses.Read("not a disc");
        _ = Age.Read("47");
        _ = RedFlags.Read("no, my bum has gone numb", Domain.RedFlags.RedFlagCatalog.Emergency);
        _ = CheckIn.Read("the cobra made it worse, pain 4", [StretchIds.Cobra]);
        _ = FutureTime.Read("next Monday at 6pm", TimeZoneInfo.Utc, "en-GB");
        _ = ClinicianOkReader.Consent.Read("my GP said it's fine");
        _ = CommandReader.Read("can we start again?");
    }
}
