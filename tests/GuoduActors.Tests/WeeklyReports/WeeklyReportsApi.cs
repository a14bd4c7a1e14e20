using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using GuoduActors.Grains;
using GuoduActors.Silo.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace GuoduActors.Tests.WeeklyReports;

/// <summary>
/// The real host (single silo, memory storage, the shipped roster) behind an in-memory HTTP server, on a fake clock,
/// with test users signing in by HTTP Basic: a leader, a planner, a team lead and staff of a level-1 and a level-2 station.
/// </summary>
public sealed class WeeklyReportsApi : WebApplicationFactory<Program>
{
    public const string Password = "weekly-reports-test";

    /// <summary>Saturday 2026-11-28 10:00 in Guodu: the last completed week is the one of 2026-11-16.</summary>
    public FakeTimeProvider Time { get; } = new(Cst.At(2026, 11, 28, 10));

    public ITicketProjectionStore Projection => Services.GetRequiredService<ITicketProjectionStore>();

    public HttpRequestMessage Request(HttpMethod method, string url, string? user)
    {
        var request = new HttpRequestMessage(method, url);
        if (user is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{Password}")));
        return request;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string>
        {
            ["Storage:Mode"] = "Memory",
            ["ConnectionStrings:AzureStorage"] = "",
            ["Cluster:SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Cluster:GatewayPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Cluster:ServiceId"] = $"weekly-{Guid.NewGuid():N}",
            ["Cluster:ClusterId"] = $"weekly-{Guid.NewGuid():N}",
            ["Guodu:RosterPath"] = ShippedRosterPath(),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        // UseSetting, not ConfigureAppConfiguration: Program reads these while it builds the host.
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            services.AddSingleton(TestUsers());
        });
    }

    private static AuthOptions TestUsers()
    {
        var hash = new PasswordHasher<LocalUser>().HashPassword(new LocalUser(), Password);
        LocalUser User(string name, ActorRole role, string? station = null, string? team = null) =>
            new() { UserName = name, Role = role, Stations = station is null ? [] : [station], Team = team, PasswordHash = hash };
        return new AuthOptions
        {
            Users =
            [
                User("leader", ActorRole.Leader),
                User("planner", ActorRole.Planner),
                User("fenglin", ActorRole.StationStaff, station: "fenglin"),
                User("bolangfeng", ActorRole.StationStaff, station: "bolangfeng"),
                User("repairs", ActorRole.TeamLead, team: "haoxiujiang"),
            ],
        };
    }

    private static string ShippedRosterPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GuoduActors.sln")))
                return Path.Combine(dir.FullName, "silo", "roster.json");
        }
        throw new InvalidOperationException("The repository root (GuoduActors.sln) is not above the test binaries.");
    }
}
