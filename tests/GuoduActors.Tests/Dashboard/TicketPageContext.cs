using Bunit;
using GuoduActors.Dashboard.Services;
using GuoduActors.Dashboard.Services.Tickets;
using GuoduActors.Tests.Sla;
using Microsoft.AspNetCore.Components.Authorization;
using Radzen;

namespace GuoduActors.Tests.Dashboard;

/// <summary>
/// A bUnit context with the ticket pages' real components and fake ticket services, a fake clock at
/// <see cref="SampleTickets.Now"/>, the shipped catalogue and a principal the test signs in. Chinese unless a test says otherwise.
/// </summary>
public abstract class TicketPageContext : BunitContext
{
    private readonly CultureScope _chinese = new("zh-CN");

    internal FakeTicketCommands Commands { get; } = new();
    internal FakeTicketQueries Queries { get; } = new();
    internal FakeTicketDirectory Directory { get; } = new();
    internal FakeLiveUpdates Live { get; } = new();
    internal FakeAuthentication Authentication { get; } = new();
    internal FakeTimeProvider Time { get; } = new(SampleTickets.Now);

    protected TicketPageContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddRadzenComponents();
        Services.AddLocalization();
        Services.AddLogging();
        Services.AddSingleton<ITicketCommands>(Commands);
        Services.AddSingleton<ITicketQueries>(Queries);
        Services.AddSingleton<ITicketDirectory>(Directory);
        Services.AddSingleton<ILiveUpdates>(Live);
        Services.AddSingleton<AuthenticationStateProvider>(Authentication);
        Services.AddScoped<CurrentActor>();
        Services.AddSingleton<TimeProvider>(Time);
        Services.AddSingleton(SlaTestData.ShippedCatalogue);
    }

    internal void SignIn(Actor actor) => Authentication.SignIn(actor);

    protected override void Dispose(bool disposing)
    {
        _chinese.Dispose();
        base.Dispose(disposing);
    }
}
