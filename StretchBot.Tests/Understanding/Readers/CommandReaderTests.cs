using StretchBot.Dialogs.Commands;
using StretchBot.Dialogs.Understanding.Readers;

namespace StretchBot.Tests.Understanding.Readers;

/// <summary>Commands in the words people type them, beyond the command names (the recognizer's own tests are under Commands/).</summary>
public class CommandReaderTests
{
    [Theory]
    [InlineData("remind me what the stretches were", BotCommand.MyPlan)]
    [InlineData("please erase everything you have about me", BotCommand.DeleteMyData)]
    [InlineData("Löschen Sie bitte meine Daten", BotCommand.DeleteMyData)]
    [InlineData("borrar mis datos", BotCommand.DeleteMyData)]
    [InlineData("leave me alone", BotCommand.StopCheckIns)]
    [InlineData("go back to the beginning", BotCommand.StartOver)]
    public void EverydayWordsForACommandAreThatCommand(string text, BotCommand expected)
        => Assert.Equal(expected, CommandReader.Read(text)?.Command);

    [Fact]
    public void TwoWaysOfAskingForTheSameCommandAreThatCommandNotAnother()
        => Assert.Equal(BotCommand.StartOver, CommandReader.Read("i want to wipe my answers and start again")?.Command);

    [Theory]
    [InlineData("stop")]
    [InlineData("wipe my answers and delete my data")]
    public void ABareStopOrTwoDifferentCommandsAreNoCommand(string text)
        => Assert.Null(CommandReader.Read(text));

    [Fact]
    public void GoingBackToTheBeginningIsNotAnAnswerAboutTheBack()
        => Assert.Equal(Dialogs.Understanding.ReadingKind.NotUnderstood, new LocationReader().Read("go back to the beginning").Kind);
}
