using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StretchBot.Dialogs.Bots;

namespace StretchBot.Dialogs;

/// <summary>Registers the conversation: state, dialogs and the bot.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddStretchBotConversation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();
        services.AddTransient<IBot, StretchBotActivityHandler>();
        return services;
    }
}
