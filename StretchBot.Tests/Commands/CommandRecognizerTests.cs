using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using StretchBot.Dialogs.Commands;

namespace StretchBot.Tests.Commands;

public class CommandRecognizerTests
{
    [Theory]
    [InlineData("help", BotCommand.Help)]
    [InlineData("Help!", BotCommand.Help)]
    [InlineData("what can you do?", BotCommand.Help)]
    [InlineData("start over", BotCommand.StartOver)]
    [InlineData("Start again", BotCommand.StartOver)]
    [InlineData("my plan", BotCommand.MyPlan)]
    [InlineData("stop check-ins", BotCommand.StopCheckIns)]
    [InlineData("Stop check ins please", BotCommand.StopCheckIns)]
    [InlineData("please stop check-ins", BotCommand.StopCheckIns)]
    [InlineData("delete my data", BotCommand.DeleteMyData)]
    [InlineData("forget me", BotCommand.DeleteMyData)]
    public void ACommandTypedOnItsOwnIsRecognised(string text, BotCommand expected)
        => Assert.Equal(expected, CommandRecognizer.Recognize(new Activity { Type = ActivityTypes.Message, Text = text })?.Command);

    [Theory]
    [InlineData("can we start again?", BotCommand.StartOver)]
    [InlineData("I need help", BotCommand.Help)]
    [InlineData("what's my plan?", BotCommand.MyPlan)]
    [InlineData("stop reminding me", BotCommand.StopCheckIns)]
    [InlineData("forget everything about me", BotCommand.DeleteMyData)]
    [InlineData("I made a mistake, can I go back to the beginning", BotCommand.StartOver)]
    public void ACommandInEverydayWordsIsRecognisedButGivesWayToAnAnswer(string text, BotCommand expected)
    {
        var reading = CommandRecognizer.Recognize(new Activity { Type = ActivityTypes.Message, Text = text });
        Assert.Equal(expected, reading?.Command);
        Assert.False(reading!.Value.Exact);
    }

    [Theory]
    [InlineData("I need help bending down")]
    [InlineData("my plan was fine but the cobra hurt")]
    [InlineData("it's worse when I start over after resting")]
    public void AnAnswerThatMerelyMentionsACommandIsNotHijacked(string text)
        => Assert.Null(CommandRecognizer.Recognize(new Activity { Type = ActivityTypes.Message, Text = text }));

    [Theory]
    [InlineData("help", BotCommand.Help)]
    [InlineData("startOver", BotCommand.StartOver)]
    [InlineData("deleteMyData", BotCommand.DeleteMyData)]
    public void ACardButtonSendsTheCommand(string value, BotCommand expected)
        => Assert.Equal(expected, CommandRecognizer.Recognize(new Activity { Type = ActivityTypes.Message, Value = new JObject { ["command"] = value } })?.Command);

    [Fact]
    public void AnUnknownCommandFromATamperedCardIsIgnored()
        => Assert.Null(CommandRecognizer.Recognize(new Activity { Type = ActivityTypes.Message, Value = new JObject { ["command"] = "dropTables" } }));
}
