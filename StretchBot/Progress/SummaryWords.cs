using StretchBot.Domain.RedFlags;
using StretchBot.Domain.Swaps;
using StretchBot.Dialogs.Progress;

namespace StretchBot.Progress;

/// <summary>How the physio's summary names what the history records (outcomes, reasons, symptom changes).</summary>
internal static class SummaryWords
{
    public static string Outcome(ScreenEntry screen) => screen.Outcome switch
    {
        RedFlagOutcome.Emergency => "Emergency sign: told to get emergency care now; plan stopped",
        RedFlagOutcome.SeeDoctorSoon when screen.ClinicianCleared == true => "See-a-doctor sign, already checked by a clinician: gentle plan only",
        RedFlagOutcome.SeeDoctorSoon => "See-a-doctor sign: told to see a doctor soon; no plan until cleared",
        _ => "No warning signs",
    };

    public static string Where(string where) => where == "check-in" ? "Weekly check-in" : "First questions";

    public static string Sign(string id) => RedFlagCatalog.TryGet(id, out var question) ? question.ShortForm : id;

    public static string Advice(ClinicianAdviceReason reason) => reason switch
    {
        ClinicianAdviceReason.PainRose => $"pain up by a change that matters ({PainTrendText.RealChange}) since the start",
        ClinicianAdviceReason.PainRoseSinceLastCheckIn => "pain up by a change that matters since the last check-in",
        ClinicianAdviceReason.PainSevereNotImproving => "pain 8 or more, not improving over two check-ins",
        ClinicianAdviceReason.SeveralWorse => "more than one stretch made things worse",
        ClinicianAdviceReason.SymptomsSpread => "leg symptoms spreading, or new numbness, tingling or weakness",
        ClinicianAdviceReason.RedFlag => "a warning sign",
        ClinicianAdviceReason.NothingLeft => "no suitable stretch left to try",
        ClinicianAdviceReason.NoGentleSwapLeft => "severe pain and no gentle stretch left to swap in",
        _ => reason.ToString(),
    };

    public static string Change(SymptomChange change) => change switch
    {
        SymptomChange.FurtherDownLeg => "further down the leg",
        SymptomChange.NewNumbnessOrTingling => "new numbness or tingling",
        SymptomChange.NewWeakness => "new weakness",
        SymptomChange.BothLegs => "now in both legs",
        SymptomChange.CloserToBack => "moved back towards the back",
        _ => change.ToString(),
    };

    public static string SwapReason(SwapRecord swap) => (swap.Reason, swap.NewStretchId) switch
    {
        (Dialogs.Progress.SwapReason.Offered, _) => "no change for two check-ins; the person chose the swap offered",
        (_, null) => "made things worse; nothing suitable left to swap in, so stopped",
        _ => "made things worse",
    };
}
