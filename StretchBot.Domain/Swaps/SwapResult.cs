using StretchBot.Domain.RedFlags;

namespace StretchBot.Domain.Swaps;

/// <summary>The outcome of a check-in.</summary>
/// <param name="Kept">Plan ids kept (rated better, same or didn't try), in plan order.</param>
/// <param name="Replacements">Each stretch rated worse that found a replacement.</param>
/// <param name="Dropped">Stretches rated worse for which nothing suitable was left.</param>
/// <param name="OfferedSwaps">Optional swaps for stretches rated same two check-ins in a row.</param>
/// <param name="AdviseClinician">Why to see a clinician; empty when there is no need.</param>
/// <param name="AdviceLines">The clinician / red-flag advice in words to show the user, one per reason.</param>
/// <param name="RedFlag">The red-flag outcome of this check-in.</param>
/// <param name="NoPlan">True when there is no plan any more (a red flag, or nothing suitable left): schedule no check-in.</param>
/// <param name="NewPlan">The plan ids after the swaps (replacements take the place of the stretch they replace); empty when <paramref name="NoPlan"/>.</param>
/// <param name="FoundWorse">Every id this user has now found worse (store it for the next check-in).</param>
public sealed record SwapResult(
    IReadOnlyList<string> Kept,
    IReadOnlyList<Replacement> Replacements,
    IReadOnlyList<string> Dropped,
    IReadOnlyList<OfferedSwap> OfferedSwaps,
    IReadOnlyList<ClinicianAdviceReason> AdviseClinician,
    IReadOnlyList<string> AdviceLines,
    RedFlagOutcome RedFlag,
    bool NoPlan,
    IReadOnlyList<string> NewPlan,
    IReadOnlyList<string> FoundWorse)
{
    /// <summary>True when the user should be told to see a clinician.</summary>
    public bool ShouldSeeClinician => AdviseClinician.Count > 0;
}
