using System.Diagnostics;
using Azure.Data.Tables;
using GuoduActors.Silo.Hosting;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;

namespace GuoduActors.Tests.Storage;

/// <summary>
/// The fault drill: three real silo processes in one cluster on Azure Tables (a private Azurite), failure detection
/// tuned, a load of registrations and lifecycle commands through the HTTP API, and one silo killed with SIGKILL in the
/// middle of it. Nothing acknowledged may be lost or doubled, the stations that lived on the dead silo must go on
/// escalating, and clients — the HTTP load and an Orleans client connected to the cluster — must resume.
/// </summary>
public sealed class FaultDrillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Workers = 6;
    private const int AcksBeforeKill = 60;
    private const int AcksPerWorkerAfterKill = 6;
    /// <summary>The emergency class's first-response target in this drill: deadlines fall due while the cluster recovers.</summary>
    private static readonly TimeSpan EmergencyFirstResponse = TimeSpan.FromSeconds(20);

    private readonly ShortSlaCatalogue _catalogue = ShortSlaCatalogue.Write(EmergencyFirstResponse);
    private readonly List<(SiloProcess Silo, int SiloPort)> _silos = [];
    private EmbeddedAzurite? _azurite;
    private IHost? _client;
    private bool _passed;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.StopAsync(TimeSpan.FromSeconds(5));
            _client.Dispose();
        }
        foreach (var (silo, _) in _silos)
        {
            if (!_passed)
                output.WriteLine(silo.OutputTail(40));
            await silo.DisposeAsync();
        }
        if (_azurite is not null)
            await _azurite.DisposeAsync();
        _catalogue.Dispose();
    }

    [Fact]
    public async Task KillingOneOfThreeSilosMidLoadLosesNoAcknowledgedTicketAndEscalationsAndClientsCarryOn()
    {
        var roster = RosterFile.Load(Repo.ShippedRosterPath);
        var drill = Stopwatch.StartNew();
        _azurite = await AzuriteFixture.StartPrivateAsync();
        var serviceId = $"drill-{Guid.NewGuid():N}";
        var clusterId = $"drill-{Guid.NewGuid():N}";
        foreach (var name in new[] { "A", "B", "C" })
        {
            var siloPort = FreePorts.Next();
            var settings = new Dictionary<string, string>(SiloProcess.FastFailureDetection)
            {
                ["Cluster:SiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [_catalogue.Setting.Key] = _catalogue.Setting.Value,
            };
            _silos.Add((SiloProcess.Start(name, _azurite.ConnectionString, serviceId, clusterId, settings), siloPort));
        }
        await Task.WhenAll(_silos.Select(s => s.Silo.WaitUntilHealthyWithAsync(activeSilos: 3, TimeSpan.FromSeconds(90))));
        var cluster = await ConnectClientAsync(_azurite.ConnectionString, serviceId, clusterId);
        output.WriteLine($"Three silos and a client up after {drill.Elapsed.TotalSeconds:0.0} s.");

        using var traffic = await DrillTraffic.SignInAsync(_silos.Select(s => s.Silo));
        // The load: matters registered at the community stations, classified, routed to one of their compounds (or kept),
        // started and resolved, each taken a random number of those steps.
        var communities = roster.Stations.Where(s => s.Level == StationLevel.Community).Select(s => s.Id).ToList();
        IReadOnlyList<DrillStep> StepsAt(string stationId)
        {
            var child = roster.Stations.FirstOrDefault(s => s.ParentId == stationId)?.Id ?? stationId;
            return
            [
                new("classify", $$"""{"categoryCode":"{{DrillTraffic.LoadCategory}}"}"""),
                new("assign", $$"""{"stationId":"{{child}}"}"""),
                new("start", "{}"),
                new("resolve", """{"note":"演练办结 — done in the drill"}"""),
            ];
        }
        // Escalation stations are in the load's round too, so the load itself wakes them on a survivor after the kill.
        var compounds = roster.Stations.Where(s => s.Level == StationLevel.Compound).Take(12).Select(s => s.Id).ToList();
        using var stopLoad = new CancellationTokenSource();
        var workers = Enumerable.Range(0, Workers)
            .Select(w => Task.Run(() => traffic.RunWorkerAsync(w, [.. communities, .. compounds], StepsAt, seed: 6000 + w, stopLoad.Token)))
            .ToList();
        await WaitForAssertionAsync(() => Assert.True(traffic.AckCount >= AcksBeforeKill, $"{traffic.AckCount} acknowledgements so far"),
            TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(100));

        // Emergencies at a dozen compounds, unanswered: their first-response deadlines fall due after the kill.
        var emergencies = new List<TicketDto>();
        foreach (var compound in compounds)
        {
            emergencies.Add(await traffic.RegisterAsync(0, compound,
                new NewTicket($"电梯困人 {compound} — a resident is stuck in the lift", "lift-entrapment", "物业前台", "13991110009", null), $"emergency-{compound}")
                ?? throw new InvalidOperationException($"The emergency at {compound} was not registered: {string.Join("; ", traffic.Faults)}"));
        }

        var management = cluster.GetGrain<IManagementGrain>(0);
        var homes = new Dictionary<string, SiloAddress?>();
        foreach (var compound in compounds)
            homes[compound] = await management.GetActivationAddress((IAddressable)cluster.GetGrain<IStationGrain>(compound));
        // Kill the silo that hosts the most escalation stations.
        var (victim, victimPort) = _silos.MaxBy(s => homes.Values.Count(h => h?.Endpoint.Port == s.SiloPort));
        var orphaned = compounds.Where(c => homes[c]?.Endpoint.Port == victimPort).ToList();
        Assert.NotEmpty(orphaned);
        var survivors = _silos.Where(s => s.Silo != victim).Select(s => s.Silo).ToList();

        var killedAt = traffic.Now;
        var sinceKill = Stopwatch.StartNew();
        victim.Kill();
        output.WriteLine($"Killed silo {victim.Name} at {drill.Elapsed.TotalSeconds:0.0} s, after {traffic.AckCount} acknowledgements; " +
            $"it hosted the stations {string.Join(", ", orphaned)}.");

        // The connected Orleans client resumes: it reaches every station that lived on the dead silo again.
        var clientResumed = await WaitForAssertionAsync(async () =>
        {
            foreach (var station in orphaned)
                Assert.Equal(station, (await cluster.GetGrain<IStationGrain>(station).GetCountersAsync()).StationId);
        }, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));
        await WaitForAssertionAsync(
            () => Task.WhenAll(survivors.Select(s => s.WaitUntilHealthyWithAsync(activeSilos: 2, TimeSpan.Zero))), TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200));
        var deathDeclared = sinceKill.Elapsed;

        // The HTTP load resumes: every worker is acknowledged again, several times.
        await WaitForAssertionAsync(() =>
        {
            for (var w = 0; w < Workers; w++)
            {
                var after = traffic.AcksOf(w, since: killedAt);
                Assert.True(after >= AcksPerWorkerAfterKill, $"Worker {w}: {after} acknowledgement(s) since the kill.");
            }
        }, TimeSpan.FromSeconds(45), TimeSpan.FromMilliseconds(100));
        var loadResumed = Enumerable.Range(0, Workers).Max(w => traffic.FirstAckAfter(w, killedAt)!.Value) - killedAt;
        var longestSilence = traffic.LongestSilenceAfter(killedAt);
        await stopLoad.CancelAsync();
        await Task.WhenAll(workers);

        // Escalations carry on: each emergency is escalated to its community station once, the orphaned ones included.
        var escalated = await WaitForAssertionAsync(async () =>
        {
            foreach (var emergency in emergencies)
            {
                var parent = roster.Stations.Single(s => s.Id == emergency.StationId).ParentId;
                var ticket = (await cluster.GetGrain<ITicketGrain>(emergency.Id).GetAsync())!;
                Assert.Single(ticket.Timeline, e => e.Action == $"escalate:{parent}");
            }
        }, TimeSpan.FromSeconds(45), TimeSpan.FromMilliseconds(500));
        var lastDeadline = emergencies.Max(e => e.FirstResponseDue!.Value);

        Assert.True(traffic.Faults.Count == 0, $"Answers no client should get:{Environment.NewLine}{string.Join(Environment.NewLine, traffic.Faults)}");
        await AssertEveryAcknowledgedTicketIsThereOnceAsync(traffic);

        output.WriteLine($"Recovery after the SIGKILL: the Orleans client reached all {orphaned.Count} orphaned stations after {clientResumed.TotalSeconds:0.00} s; " +
            $"every HTTP load worker was acknowledged again after {loadResumed.TotalSeconds:0.00} s, and the load as a whole went at most " +
            $"{longestSilence.TotalSeconds:0.00} s without an acknowledgement; the survivors' /healthz counted 2 active silos by " +
            $"{deathDeclared.TotalSeconds:0.00} s.");
        output.WriteLine($"Load: {traffic.Acked.Count} tickets, {traffic.AckCount} acknowledged requests, {traffic.Unanswered} attempts unanswered or 503 (retried elsewhere). " +
            $"All {emergencies.Count} emergencies escalated once (last deadline {(lastDeadline - DateTimeOffset.UtcNow).TotalSeconds:0} s from now; waited {escalated.TotalSeconds:0.0} s). " +
            $"Drill took {drill.Elapsed.TotalSeconds:0.0} s; {sinceKill.Elapsed.TotalSeconds:0.0} s since the kill.");
        _passed = true;
    }

    /// <summary>Each acknowledged load ticket: its grain shows the last acknowledged status and exactly the acknowledged commands, and the projection lists it once, in that status.</summary>
    private static async Task AssertEveryAcknowledgedTicketIsThereOnceAsync(DrillTraffic traffic)
    {
        var problems = new List<string>();
        foreach (var acked in traffic.Acked.Values)
        {
            var ticket = await traffic.GetTicketAsync(0, acked.Id);
            var actions = ticket.Timeline.Select(e => e.Action).ToList();
            if (ticket.Status != acked.Status || !actions.SequenceEqual(["register", .. acked.Actions]))
                problems.Add($"{acked.Id}: acknowledged {acked.Status} after [register, {string.Join(", ", acked.Actions)}], found {ticket.Status} after [{string.Join(", ", actions)}]");
        }
        Assert.True(problems.Count == 0, $"{problems.Count} of {traffic.Acked.Count} acknowledged tickets differ:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");

        // The lists follow a registration by up to Intake:ListDelay; the registrations the killed silo's stations had
        // answered but not yet listed are recovered when those stations start again on the survivors.
        await WaitForAssertionAsync(async () =>
        {
            var rows = await traffic.ListLoadTicketsAsync();
            var unlisted = new List<string>();
            foreach (var acked in traffic.Acked.Values)
            {
                var listed = rows.Where(r => r.Id == acked.Id).ToList();
                if (listed.Count != 1 || listed[0].Status != acked.Status)
                    unlisted.Add($"{acked.Id}: listed {listed.Count} time(s) as [{string.Join(", ", listed.Select(r => r.Status))}], acknowledged {acked.Status}");
            }
            Assert.True(unlisted.Count == 0, $"{unlisted.Count} of {traffic.Acked.Count} acknowledged tickets are not listed as acknowledged:{Environment.NewLine}{string.Join(Environment.NewLine, unlisted)}");
        }, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(500));
    }

    private async Task<IClusterClient> ConnectClientAsync(string connectionString, string serviceId, string clusterId)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (serviceId, clusterId));
            client.UseAzureStorageClustering(o => o.TableServiceClient = new TableServiceClient(connectionString));
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(2));
            // A call sent through the dead silo's gateway in the instant before the client noticed gets no answer: give up on
            // it after 5 s rather than Orleans' 30, and let the caller try again, as an interactive client would.
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5));
        });
        _client = builder.Build();
        await _client.StartAsync();
        return _client.Services.GetRequiredService<IClusterClient>();
    }
}
