namespace StretchBot.Domain.Catalog;

/// <summary>A general rule or a piece of non-stretch advice from the catalog.</summary>
/// <param name="Id">Stable id ("pain-free", "walking", ...).</param>
/// <param name="Text">The advice in plain words.</param>
/// <param name="AppliesWhen">When it applies (any of); general rules always apply and have <see cref="AdviceTrigger.Always"/>.</param>
public sealed record AdviceItem(string Id, string Text, IReadOnlyList<AdviceTrigger> AppliesWhen);
