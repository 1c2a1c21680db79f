namespace StretchBot.Storage;

/// <summary>Registers the durable IStorage behind conversation and user state.</summary>
public static class BotStorageExtensions
{
    public static IServiceCollection AddBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
