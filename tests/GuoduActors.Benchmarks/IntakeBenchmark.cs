using System.Diagnostics;
using System.Net.Http.Json;
using Azure.Data.Tables;
using GuoduActors.Silo.Roster;
using Microsoft.Extensions.DependencyInjection;

namespace GuoduActors.Benchmarks;

/// <summary>
/// Tickets registered per second through the HTTP API of the real host (in-process, behind ASP.NET Core's test server),
/// at a fixed concurrency, spread over every station of the shipped roster, each with its own Idempotency-Key — against
/// two floors measured in the same run at the same concurrency: (a) on Azurite, raw single-entity inserts into the same
/// emulator with Azure.Data.Tables (what storage alone allows); (b) on memory storage, a bare grain call to the same
/// stations on the same silo (what the runtime alone allows).
/// </summary>
public static class IntakeBenchmark
{
    public const string Name = "intake";

    public static async Task<BenchmarkReport> RunAsync(BenchmarkArgs args)
    {
        var tickets = args.Int("tickets", args.Quick ? 300 : 10_000, 10, 1_000_000);
        var concurrency = args.Int("concurrency", 32, 1, 1024);
        var report = new BenchmarkReport(Name, "Intake: tickets registered per second through the HTTP API", args.CommandLine);
        report.Parameters["tickets per measurement"] = $"{tickets:N0}";
        report.Parameters["concurrency"] = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var clock = Stopwatch.StartNew();
        // WebApplicationFactory finds the host's content root through its manifest in the current folder, which is the
        // test runner's binaries under `dotnet test` but not under `dotnet run`: name it directly.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_GUODUACTORS_SILO", Path.Combine(Repo.Root, "silo"));
        var stations = RosterFile.Load(Repo.ShippedRosterPath).Stations.Where(s => s.Level != StationLevel.Office).Select(s => s.Id).ToArray();
        report.Parameters["stations"] = stations.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);

        await using (var azurite = await AzuriteFixture.StartPrivateAsync())
        {
            // The floor is measured just before and just after the intake and averaged: on a shared machine it drifts by
            // 10–20 % within a minute, and one measurement on one side would tilt the ratio with the drift.
            var floorBefore = await StorageFloorAsync(azurite.ConnectionString, tickets, concurrency, "before");
            floorBefore.Report(report, "storageFloorBefore", "Storage floor before the intake: single-entity inserts into Azurite (Azure.Data.Tables)");

            var id = $"bench-intake-{Guid.NewGuid():N}";
            LoadResult intake;
            await using (var factory = GuoduApiFactory.OnAzureStorage(azurite.ConnectionString, id, id))
            {
                using var counter = new RequestCounter(azurite.Options.TablePort);
                intake = await IntakeAsync(factory, stations, tickets, concurrency, "azurite", counter, report);
                intake.Report(report, "intakeAzurite", "Intake on Azurite: POST /api/stations/{id}/tickets");
            }

            var floorAfter = await StorageFloorAsync(azurite.ConnectionString, tickets, concurrency, "after");
            floorAfter.Report(report, "storageFloorAfter", "Storage floor after the intake: single-entity inserts into Azurite (Azure.Data.Tables)");
            report.Ratio("intakeOverStorageFloor", "Intake on Azurite ÷ storage floor (tickets/s ÷ the mean of the inserts/s before and after)",
                intake.PerSecond, (floorBefore.PerSecond + floorAfter.PerSecond) / 2, "≥ 0.50", atLeast: 0.5);
        }

        // The product's list delay, as on Azurite (the tests' memory host answers only once the rows are stored).
        await using (var factory = GuoduApiFactory.InMemory(TimeProvider.System).WithSettings(new Dictionary<string, string?> { ["Intake:ListDelay"] = "00:00:01" }))
        {
            var intake = await IntakeAsync(factory, stations, tickets, concurrency, "memory", counter: null, report);
            intake.Report(report, "intakeMemory", "Intake on memory storage: POST /api/stations/{id}/tickets");
            var grains = factory.Services.GetRequiredService<IGrainFactory>();
            var calls = await Load.ClosedLoopAsync(tickets * 4, concurrency, i => grains.GetGrain<IStationGrain>(stations[i % stations.Length]).GetInfoAsync());
            calls.Report(report, "grainCall", "Runtime floor: bare grain call (IStationGrain.GetInfoAsync) on the same silo");
            report.Ratio("intakeOverRuntimeFloor", "Intake on memory storage ÷ runtime floor (tickets/s ÷ grain calls/s)",
                intake.PerSecond, calls.PerSecond);
        }

        report.Notes.Add("Closed loop: each of the concurrent callers sends its next request when its last one is answered; a registration counts once its 201 Created arrives (the ticket is persisted).");
        report.Notes.Add("The host is the real silo (silo/Program.cs) in this process behind ASP.NET Core's in-memory test server: HTTP routing, JSON, validation and the grains are real, the TCP socket is not.");
        report.Notes.Add("Azurite is a correctness emulator (a single Node.js process) sharing the same cores with the silo and this load generator: the ratio, not the absolute rate, is the result.");
        report.Finish(clock.Elapsed);
        return report;
    }

    /// <summary>(a) The storage floor: the same number of single-entity inserts, a ticket-sized row each.</summary>
    private static async Task<LoadResult> StorageFloorAsync(string connectionString, int count, int concurrency, string label)
    {
        var table = new TableServiceClient(connectionString).GetTableClient($"BenchStorageFloor{label}");
        await table.CreateIfNotExistsAsync();
        var ticket = Tickets.Sample();
        Task Insert(string rowKey, int i) => table.AddEntityAsync(new TableEntity($"station-{i % 71}", rowKey)
        {
            ["Description"] = ticket.Description, ["CategoryCode"] = ticket.CategoryCode, ["ResidentName"] = ticket.ResidentName,
            ["ResidentPhone"] = ticket.ResidentPhone, ["Address"] = ticket.Address, ["RegisteredAt"] = DateTimeOffset.UtcNow, ["Status"] = "Registered",
        });
        // Warmed up as the intake is (its warm-up registers at every station): a cold client and emulator would lower the floor.
        await Load.ClosedLoopAsync(Math.Min(count, 2000), concurrency, i => Insert($"warm-{i:D8}", i));
        return await Load.ClosedLoopAsync(count, concurrency, i => Insert($"floor-{i:D8}", i));
    }

    /// <summary>Registers tickets round-robin over the stations after a warm-up that activates every station once.</summary>
    private static async Task<LoadResult> IntakeAsync(GuoduApiFactory factory, string[] stations, int count, int concurrency, string label,
        RequestCounter? counter, BenchmarkReport report)
    {
        var http = factory.CreateClient();
        await WaitForRosterAsync(http);
        var run = Guid.NewGuid().ToString("N")[..8];
        // Warm-up: every station, every ticket-number and intake grain type activated once; not measured.
        var warm = await Load.ClosedLoopAsync(stations.Length * 2, concurrency, i => RegisterAsync(http, stations[i % stations.Length], $"warm-{run}-{i}"));
        if (warm.Failures > 0)
            report.Problems.Add($"{warm.Failures} warm-up registrations on {label} failed.");
        var projection = factory.Services.GetRequiredService<ITicketProjectionStore>();
        await WaitUntilListedAsync(projection, since: DateTimeOffset.MinValue, warm.Operations);
        var requestsBefore = counter?.Count ?? 0;
        var started = DateTimeOffset.UtcNow;
        var result = await Load.ClosedLoopAsync(count, concurrency, i => RegisterAsync(http, stations[i % stations.Length], $"bench-{run}-{i}"));
        // The stations write the lists' rows, request keys and counts of the tickets after answering (Intake:ListDelay):
        // that work belongs to these tickets too, so count its requests, and report when the lists had them all.
        var listed = await WaitUntilListedAsync(projection, started.AddSeconds(-1), result.Operations);
        report.Figure($"{label}ListedAfterLastAnswer", $"Intake on {label}: from the last answer to every ticket in the lists (rows, keys, counts stored)",
            (listed - started - result.Elapsed).TotalMilliseconds, "ms");
        if (counter is not null)
        {
            report.Figure($"storageRequestsPerTicket", "Storage requests per registered ticket (HTTP requests to Azurite's table endpoint, all of the silo's, until the lists had every ticket)",
                (double)(counter.Count - requestsBefore) / result.Operations, "requests");
        }
        Console.WriteLine($"Intake on {label}: {result.PerSecond:0.0} tickets/s, p50 {BenchmarkReport.Percentile(result.LatenciesMs, 0.5):0.0} ms.");
        return result;
    }

    /// <summary>Waits until the lists hold <paramref name="count"/> tickets registered since <paramref name="since"/>; returns when.</summary>
    private static async Task<DateTimeOffset> WaitUntilListedAsync(ITicketProjectionStore projection, DateTimeOffset since, int count)
    {
        await Waiting.WaitForAssertionAsync(async () =>
        {
            var listed = 0;
            await foreach (var _ in projection.QueryAsync(new TicketFilter { RegisteredFrom = since }))
                listed++;
            Xunit.Assert.True(listed >= count, $"{listed} of {count} tickets listed");
        }, TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(100));
        return DateTimeOffset.UtcNow;
    }

    private static async Task RegisterAsync(HttpClient http, string station, string key)
    {
        using var response = await http.RegisterAsync(station, Tickets.Sample($"楼道灯不亮 — the stairwell light is out ({key})"), key);
        if (response.StatusCode != System.Net.HttpStatusCode.Created)
            throw new InvalidOperationException($"POST at {station} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The host applies the roster while it starts; registrations before that are refused (no such station).</summary>
    public static Task WaitForRosterAsync(HttpClient http) =>
        Waiting.WaitForAssertionAsync(async () =>
            Xunit.Assert.NotEmpty((await http.GetFromJsonAsync<List<GuoduActors.Silo.Api.StationDto>>("/api/stations", ApiClient.Json))!),
            TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(200));
}
