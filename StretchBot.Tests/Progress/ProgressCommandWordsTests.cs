using StretchBot.Dialogs.Commands;
using StretchBot.Dialogs.Understanding.Readers;

namespace StretchBot.Tests.Progress;

/// <summary>The progress commands in everyday words, and answers that only mention progress or sharing.</summary>
public class ProgressCommandWordsTests
{
    [Theory]
    [InlineData("my progress", BotCommand.MyProgress, true)]
    [InlineData("How am I doing?", BotCommand.MyProgress, false)]
    [InlineData("can you show me my pain chart", BotCommand.MyProgress, false)]
    [InlineData("has my pain improved?", BotCommand.MyProgress, false)]
    [InlineData("Share with my physio", BotCommand.ShareWithPhysio, true)]
    [InlineData("could you send it to my physio please", BotCommand.ShareWithPhysio, false)]
    [InlineData("I'd like a summary for my physio", BotCommand.ShareWithPhysio, false)]
    [InlineData("share with my GP", BotCommand.ShareWithPhysio, false)]
    [InlineData("stop sharing", BotCommand.StopSharing, true)]
    [InlineData("please revoke the link", BotCommand.StopSharing, false)]
    [InlineData("turn off sharing", BotCommand.StopSharing, false)]
    public void EverydayWordsReachTheProgressCommands(string text, BotCommand command, bool exact)
        => Assert.Equal(new CommandReading(command, exact), CommandReader.Read(text));

    [Theory]
    [InlineData("my progress has been slow")]
    [InlineData("I shared it with my physio already")]
    [InlineData("the link you sent")]
    public void AnAnswerThatMentionsProgressOrSharingIsNotACommand(string text)
        => Assert.Null(CommandReader.Read(text));

    [Theory]
    [InlineData("myProgress", BotCommand.MyProgress)]
    [InlineData("shareWithPhysio", BotCommand.ShareWithPhysio)]
    [InlineData("stopSharing", BotCommand.StopSharing)]
    public void EachProgressCommandHasACardValue(string value, BotCommand command)
        => Assert.Equal(value, CommandRecognizer.CardValue(command));
}
