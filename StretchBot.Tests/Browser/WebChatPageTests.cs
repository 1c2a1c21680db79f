using Xunit.Abstractions;

namespace StretchBot.Tests.Browser;

/// <summary>
/// A person's visit in a real headless Chromium: the page renders Web Chat, the bot welcomes them, they click and type
/// their way to a plan, and after a reload (desktop and phone-sized) the same conversation is still there. Screenshots are saved
/// under the test output's artifacts/browser folder. The journey itself is journeys/*.json (see webchat-journey.mjs).
/// </summary>
public class WebChatPageTests
{
    private readonly ITestOutputHelper _output;

    public WebChatPageTests(ITestOutputHelper output)
    {
        _output = output;
    }

    /// <summary>
    /// Desktop (1280x900), every answer tapped: welcome, consent, both safety cards, the triage (the pain score is one
    /// tap), the plan's summary card and 1-3 stretch cards whose pictures load and whose "Take care", "Why it works" and
    /// "Who it suits" open without a console error, the check-in booked by its button, a reload, the week-later check-in
    /// (the host's clock moved on), a warning sign ticked on it and the emergency card, and "my plan" saying why there
    /// is none. Every answered card shows its answer and takes no more input (at most one live card). Taps from opening the page to the plan are counted (16 before this card
    /// design; at most 14 now). Any clipped text, console error, failed request or missing picture fails the journey.
    /// </summary>
    [Fact]
    public async Task OnADesktopEveryAnswerIsATapFromTheWelcomeToTheCheckInAndTheEmergencyCard()
    {
        var result = await RunJourneyAsync("desktop.json", "desktop");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.All(new[] { "welcome-desktop", "triage-desktop", "plan-desktop", "stretch-desktop-1", "checkin-desktop", "emergency-desktop" },
            name => Assert.True(File.Exists(Path.Combine(result.ArtifactsFolder, name + ".png")), $"{name}.png missing\n{result.Output}"));
        Assert.Contains("\"event\":\"taps\"", result.Output);
    }

    /// <summary>
    /// Phone (390x844), answers typed: the same journey to a plan, the stretch cards after a reload, the check-in sent
    /// empty (only what is missing is asked, one question at a time), a typed warning sign and the emergency card.
    /// Nothing may be cut off at phone width.
    /// </summary>
    [Fact]
    public async Task OnAPhoneTypedAnswersReachAPlanAndNothingIsCutOff()
    {
        var result = await RunJourneyAsync("phone.json", "phone");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.All(new[] { "welcome-phone", "triage-phone", "plan-phone", "stretch-phone-1", "checkin-phone", "emergency-phone" },
            name => Assert.True(File.Exists(Path.Combine(result.ArtifactsFolder, name + ".png")), $"{name}.png missing\n{result.Output}"));
    }

    /// <summary>
    /// "delete my data" in Web Chat: the confirmation reaches the open page's stream (the transcript numbering carries
    /// on after the erase) and the chat carries on afterwards.
    /// </summary>
    [Fact]
    public async Task DeletingMyDataShowsTheConfirmationAndTheChatCarriesOn()
    {
        var result = await RunJourneyAsync("delete.json", "delete");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.True(File.Exists(Path.Combine(result.ArtifactsFolder, "deleted-phone.png")), result.Output);
    }

    private async Task<JourneyResult> RunJourneyAsync(string journey, string name)
    {
        using var factory = new BrowserAppFactory();
        var url = factory.Start();
        return await JourneyRunner.RunAsync(url, journey, name, factory.Time.Advance, _output);
    }
}
