using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Newtonsoft.Json.Serialization;

namespace StretchBot.Dialogs.Bots;

/// <summary>
/// The Bot Framework makes a new ConnectorClient for every turn, each with its own Newtonsoft contract resolver, so
/// the first message it sends compiles the serialisers for Activity and its parts again, every turn (several
/// milliseconds of CPU per message, seen in profiles of proactive check-ins). Giving every client the same resolver
/// (thread-safe, caching) compiles them once per process. The settings are otherwise the client's own.
/// </summary>
public static class SharedConnectorContracts
{
    // The resolvers ConnectorClient gives itself (DefaultContractResolver), one of each for the whole process.
    private static readonly DefaultContractResolver Serialization = new();
    private static readonly DefaultContractResolver Deserialization = new();

    public static void Apply(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.TurnState.Get<IConnectorClient>() is ConnectorClient client)
        {
            Apply(client);
        }
    }

    public static void Apply(ConnectorClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.SerializationSettings.ContractResolver = Serialization;
        client.DeserializationSettings.ContractResolver = Deserialization;
    }
}
