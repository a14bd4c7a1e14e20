using Orleans.Dashboard;
using GuoduActors.Dashboard;
using GuoduActors.Silo.Api;
using GuoduActors.Silo.Auth;
using GuoduActors.Silo.Forecasting;
using GuoduActors.Silo.Hosting;
using GuoduActors.Silo.Open311;
using GuoduActors.Silo.Roster;

try
{
    if (args is ["hash-password", ..])
        return PasswordCommand.Run(args);
    if (args is ["forecast", .. var forecastArgs])
        return ForecastCommand.Run(forecastArgs, Console.Out, Console.Error);

    var builder = WebApplication.CreateBuilder(args);

    builder.AddGuoduSilo();
    builder.AddGuoduRoster();
    builder.AddGuoduSla();
    builder.AddGuoduSimulation();
    builder.AddGuoduOpen311();
    builder.AddGuoduAuth();
    builder.Services.AddGuoduApi();
    builder.AddGuoduDashboard();
    // The planner's background training reads the stations' counts from the cluster: a host with a silo, not every
    // dashboard host (a test's dashboard-only host has no grains to read).
    builder.Services.AddGuoduForecasting();

    var app = builder.Build();

    app.UseAuthentication();
    app.UseAuthorization();
    app.UseGuoduDashboard();
    app.MapGuoduHealth();
    app.MapGuoduApi();
    app.MapGuoduOpen311();
    app.MapGuoduAccount();
    app.MapOrleansDashboard(routePrefix: "/orleans");
    app.MapGuoduDashboard();

    await app.RunAsync();
    return 0;
}
catch (StartupException e)
{
    // A start-up problem the operator can fix: one sentence, no stack trace.
    Console.Error.WriteLine($"GuoduActors cannot start: {e.Message}");
    return 1;
}

/// <summary>Visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
