using StretchBot.CheckIns;
using StretchBot.DirectLine;
using StretchBot.Dialogs;
using StretchBot.Hosting;
using StretchBot.Progress;
using StretchBot.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseBotDefaultUrls(builder.Configuration);

builder.Services.AddBotHost(builder.Configuration);
builder.Services.AddBotStorage(builder.Configuration);
builder.Services.AddProgress(builder.Configuration);
builder.Services.AddStretchBotConversation(builder.Configuration);
builder.Services.AddCheckIns(builder.Configuration);
builder.Services.AddLocalDirectLine(builder.Configuration);

var app = builder.Build();
app.StartTurnWarmUp();

app.UseDatabaseOutageResponses();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseRateLimiter();
app.UseWebSockets();
app.MapBotEndpoints();
app.MapLocalDirectLine();
app.MapProgress();

app.Run();

/// <summary>Entry point; public so the tests' WebApplicationFactory can start the real host.</summary>
public partial class Program;
