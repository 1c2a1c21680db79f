using StretchBot.Dialogs.Safety;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StretchBot.Dialogs.Bots;
using StretchBot.Dialogs.Cards;
using StretchBot.Dialogs.CheckIns;
using StretchBot.Dialogs.Commands;
using StretchBot.Domain;
using StretchBot.Dialogs.Engine;
using StretchBot.Dialogs.Plans;
using StretchBot.Dialogs.Privacy;
using StretchBot.Dialogs.Progress;
using StretchBot.Dialogs.State;
using StretchBot.Dialogs.Triage;

namespace StretchBot.Dialogs;

/// <summary>Registers the conversation: state, the clinical core, cards, dialogs and the bot.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddStretchBotConversation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StretchBotOptions>().Bind(configuration.GetSection(StretchBotOptions.SectionName));
        services.AddOptions<CheckInOptions>().Bind(configuration.GetSection(CheckInOptions.SectionName));
        services.TryAddSingleton(sp => new CheckInSchedule(sp.GetRequiredService<IOptions<CheckInOptions>>().Value));
        services.TryAddSingleton(TimeProvider.System);

        // State: IStorage comes from the host (SQLite by default), which is also the IStateStore when it can be; the
        // conversation's and the user's state are read together and written together (one read, one write per turn).
        services.TryAddSingleton<IStateStore>(sp => sp.GetRequiredService<IStorage>() as IStateStore ?? new StorageStateStore(sp.GetRequiredService<IStorage>()));
        services.AddSingleton<TurnStateStore>();
        services.AddSingleton<ConversationState>(sp => new StretchBotConversationState(sp.GetRequiredService<IStorage>(), sp.GetRequiredService<TurnStateStore>()));
        services.AddSingleton(sp => new StretchBotUserState(sp.GetRequiredService<IStorage>(), sp.GetRequiredService<TurnStateStore>()));
        services.AddSingleton(sp => new StateAccessors(sp.GetRequiredService<ConversationState>(), sp.GetRequiredService<StretchBotUserState>(), sp.GetRequiredService<TurnStateStore>()));

        // The clinical core (no Bot Framework types); the catalog is loaded and validated when first needed.
        services.AddStretchDomain();

        // Typed answers: one reader per question, built once.
        services.AddSingleton(sp => new Understanding.AnswerReaders(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Domain.Catalog.StretchCatalog>()));

        // Cards and what is built from them.
        services.AddSingleton<CardLibrary>();
        services.AddSingleton<ICardRenderer>(sp => sp.GetRequiredService<CardLibrary>());
        services.AddSingleton<PlanPresenter>();
        services.AddSingleton<SafetyStop>();
        services.AddSingleton<CheckInOutcome>();
        services.AddSingleton<CheckInBooking>();
        services.AddProgressConversation(configuration);
        services.AddSingleton<HelpCard>();
        services.AddSingleton<WelcomeCard>();

        // Dialogs hold no per-user data, so one of each serves every conversation.
        services.AddSingleton<ConsentDialog>();
        services.AddSingleton<RedFlagDialog>();
        services.AddSingleton<TriageDialog>();
        services.AddSingleton<PlanDialog>();
        services.AddSingleton<MainDialog>();
        services.AddSingleton<DeleteDataDialog>();
        services.AddSingleton<CheckInDialog>();
        services.AddSingleton<IDialogInterruption, GlobalCommands>();
        services.AddSingleton(sp => new DialogManager(
            sp.GetRequiredService<MainDialog>(),
            sp.GetRequiredService<ConversationState>(),
            sp.GetServices<IDialogInterruption>(),
            sp.GetRequiredService<ILogger<DialogManager>>(),
            new Dialog[] { sp.GetRequiredService<DeleteDataDialog>(), sp.GetRequiredService<CheckInDialog>() }));

        services.AddSingleton(sp => new Lazy<DialogManager>(sp.GetRequiredService<DialogManager>));
        services.AddSingleton<ICheckInDelivery, CheckInDelivery>();
        services.AddTransient<IBot, StretchBotActivityHandler>();
        return services;
    }
}
