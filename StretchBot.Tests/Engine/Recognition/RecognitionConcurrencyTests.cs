using StretchBot.Dialogs.Engine.Recognition;

namespace StretchBot.Tests.Engine.Recognition;

public class RecognitionConcurrencyTests
{
    [Fact]
    public void SharedRecognizersGiveTheSameAnswersWhenManyTurnsUseThemAtOnce()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var utcNow = DateTimeOffset.Parse("2026-11-24T19:00:00Z");
        ChoiceOption[] options = [new("a", "Sitting"), new("b", "Walking"), new("c", "Bending forward")];
        var failures = 0;

        Parallel.For(0, 200, i =>
        {
            var ok = (i % 4) switch
            {
                0 => NumberRecognition.TryRecognizeScore("seven out of ten", "en-us", 0, 10, out var score) && score == 7,
                1 => Dialogs.Understanding.Readers.RedFlagReader.Default.Read("not really, my privates are numb", StretchBot.Domain.RedFlags.RedFlagCatalog.Emergency).Tentative?.Yes.Contains("saddle-numbness") == true,
                2 => ChoiceRecognition.Recognize("the second one", options, "en-us")?.Value == "b",
                _ => DateTimeRecognition.RecognizeFuture("next Monday at 6pm", utcNow, zone, "en-us")
                     == DateTimeOffset.Parse("2026-11-30T23:00:00Z"),
            };
            if (!ok)
            {
                Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(0, failures);
    }
}
