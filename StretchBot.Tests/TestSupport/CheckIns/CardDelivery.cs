using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using StretchBot.Dialogs.CheckIns;

namespace StretchBot.Tests.TestSupport;

/// <summary>A stand-in for the bot's check-in conversation: sends one message that carries the check-in id.</summary>
internal sealed class CardDelivery : ICheckInDelivery
{
    public async Task DeliverAsync(ITurnContext turnContext, DueCheckIn checkIn, CancellationToken cancellationToken)
    {
        var text = checkIn.Kind == CheckInMessageKind.CheckIn ? "How did this week go?" : "A gentle reminder: how did this week go?";
        var message = MessageFactory.Text($"{text} [{checkIn.Id}]");
        message.Value = checkIn;
        await turnContext.SendActivityAsync(message, cancellationToken);
    }
}
