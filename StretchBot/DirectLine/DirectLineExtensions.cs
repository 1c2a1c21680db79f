namespace StretchBot.DirectLine;

/// <summary>Registers and maps the local Direct Line 3.0 endpoints the web page uses.</summary>
public static class DirectLineExtensions
{
    public static IServiceCollection AddLocalDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapLocalDirectLine(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
