using Microsoft.Bot.Builder;

namespace StretchBot.Dialogs.Engine;

public static class StatePropertyAccessorExtensions
{
    /// <summary>
    /// Gets a property and makes sure the object returned is the one the turn will save. A storage that keeps
    /// JSON without type names hands BotState a JObject, and the accessor then returns a converted copy: changes
    /// to that copy would silently be lost. Setting it back makes the typed object the cached value.
    /// </summary>
    public static async Task<T> GetForUpdateAsync<T>(this IStatePropertyAccessor<T> accessor, ITurnContext turnContext, Func<T> defaultValueFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accessor);
        var value = await accessor.GetAsync(turnContext, defaultValueFactory, cancellationToken);
        await accessor.SetAsync(turnContext, value, cancellationToken);
        return value;
    }
}
