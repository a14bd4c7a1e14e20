using System.Diagnostics;

namespace GuoduActors.Tests.Storage;

/// <summary>
/// Two real silo processes on Azure Table membership and storage: when the silo holding a ticket is killed, the
/// survivor detects the death and serves the ticket from storage. The acceptance test of the production setup.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FailoverTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<SiloProcess> _silos = [];
    private bool _passed;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            if (!_passed)
                output.WriteLine(silo.OutputTail(60));
            await silo.DisposeAsync();
        }
    }

    [Fact]
    public async Task TicketOnAKilledSiloIsServedByTheSurvivingSilo()
    {
        var serviceId = $"failover-{Guid.NewGuid():N}";
        var clusterId = $"failover-{Guid.NewGuid():N}";
        var a = Start("A", serviceId, clusterId);
        await a.WaitUntilHealthyWithAsync(activeSilos: 1, TimeSpan.FromSeconds(60));
        // Only A is up, so the ticket's grain activates there.
        var created = await a.Http.RegisterCreatedAsync("fenglin", Tickets.Sample("凤林社区路灯坏了 — street light out by the Fenglin gate"), Tickets.NewKey());

        var b = Start("B", serviceId, clusterId);
        await b.WaitUntilHealthyWithAsync(activeSilos: 2, TimeSpan.FromSeconds(60));
        // B reaches the ticket on A while A lives (and so remembers where it is: the cache the kill makes stale).
        var viaB = await b.Http.GetFromJsonAsync<TicketDto>(ApiClient.ResidentTicketUrl(created.Id), ApiClient.Json);
        Assert.Equal(created.Description, viaB?.Description);

        a.Kill();
        var sinceKill = Stopwatch.StartNew();
        var recovery = await WaitForAssertionAsync(async () =>
        {
            using var response = await b.Http.GetAsync(ApiClient.ResidentTicketUrl(created.Id));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var ticket = await response.ReadAsync<TicketDto>();
            Assert.Equal((created.Id, created.Description, created.Status), (ticket.Id, ticket.Description, ticket.Status));
        }, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));
        await WaitForAssertionAsync(() => b.WaitUntilHealthyWithAsync(activeSilos: 1, TimeSpan.Zero), TimeSpan.FromSeconds(30));
        var deathCounted = sinceKill.Elapsed;

        output.WriteLine($"Failover: ticket {created.Id} was served by silo B {recovery.TotalSeconds:0.00} s after silo A was killed " +
            $"(B's /healthz counted 1 active silo by {deathCounted.TotalSeconds:0.00} s).");
        Assert.True(a.HasExited);
        _passed = true;
    }

    private SiloProcess Start(string name, string serviceId, string clusterId)
    {
        var silo = SiloProcess.Start(name, azurite.ConnectionString, serviceId, clusterId, SiloProcess.FastFailureDetection);
        _silos.Add(silo);
        return silo;
    }
}
