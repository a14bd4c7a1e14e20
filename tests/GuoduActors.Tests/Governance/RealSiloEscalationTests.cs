using System.Diagnostics;
using static GuoduActors.TicketStatus;

namespace GuoduActors.Tests.Governance;

/// <summary>
/// The product as shipped — the silo executable on Azure Tables, on real time — escalates an overdue matter with
/// nobody calling anything: only its stations' own timers and reminders. Its catalogue is overridden so that an
/// emergency must be answered within a minute, which keeps the test to about that long.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RealSiloEscalationTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Phone = "13991110008";
    private readonly ShortSlaCatalogue _catalogue = ShortSlaCatalogue.Write(emergencyFirstResponse: TimeSpan.FromMinutes(1));
    private SiloProcess? _silo;
    private bool _passed;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            if (!_passed)
                output.WriteLine(_silo.OutputTail(60));
            await _silo.DisposeAsync();
        }
        _catalogue.Dispose();
    }

    [Fact]
    public async Task TheRealSiloEscalatesAnUnansweredEmergencyFromBolangfengToFenglinOnItsOwn()
    {
        var firstResponse = _catalogue.EmergencyFirstResponse;
        _silo = SiloProcess.Start("escalation", azurite.ConnectionString, $"escalation-{Guid.NewGuid():N}", $"escalation-{Guid.NewGuid():N}",
            new Dictionary<string, string> { [_catalogue.Setting.Key] = _catalogue.Setting.Value, ["Logging:LogLevel:Default"] = "Warning" });
        await _silo.WaitUntilHealthyWithAsync(activeSilos: 1, TimeSpan.FromSeconds(60));

        var created = await _silo.Http.RegisterCreatedAsync("bolangfeng",
            new NewTicket("电梯困人 — two residents are stuck in the lift of building 2", "lift-entrapment", "物业前台", Phone, "铂琅峯小区 2号楼"),
            Tickets.NewKey());
        var sinceRegistration = Stopwatch.StartNew();
        Assert.Equal((DateTimeOffset?)(created.RegisteredAt + firstResponse), created.FirstResponseDue);

        TicketDto? seen = null;
        await WaitForAssertionAsync(async () =>
        {
            if (_silo.HasExited)
                throw new WaitAbandonedException($"The silo exited:{Environment.NewLine}{_silo.OutputTail(40)}");
            seen = await _silo.Http.GetFromJsonAsync<TicketDto>(ApiClient.ResidentTicketUrl(created.Id, Phone), ApiClient.Json);
            Assert.Contains(seen!.Timeline, e => e.Action == "escalate:fenglin");
        }, TimeSpan.FromMinutes(2.5), TimeSpan.FromSeconds(2));
        var observed = sinceRegistration.Elapsed;

        var escalation = Assert.Single(seen!.Timeline, e => e.Action.StartsWith("escalate", StringComparison.Ordinal));
        Assert.Equal(new Step("system", "escalate:fenglin", Registered, Registered, "fenglin"), Step.Of(escalation));
        Assert.Equal(("fenglin", 1), (seen.OwnerStationId, seen.EscalationCount));
        var late = escalation.At - created.FirstResponseDue!.Value;
        Assert.True(late >= TimeSpan.Zero, $"Escalated {-late.TotalSeconds:0.0} s before the deadline.");
        output.WriteLine($"Ticket {created.Id}: first response due {firstResponse.TotalSeconds:0} s after registration; " +
            $"escalated to fenglin {late.TotalSeconds:0.0} s after the deadline ({(escalation.At - created.RegisteredAt).TotalSeconds:0.0} s after registration, " +
            $"by the product's own clock); the resident's polling saw it {observed.TotalSeconds:0.0} s after registering.");
        _passed = true;
    }
}
