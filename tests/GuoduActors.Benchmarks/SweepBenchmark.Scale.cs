using System.Diagnostics;
using GuoduActors.Silo.Roster;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;

namespace GuoduActors.Benchmarks;

/// <summary>
/// Escalation at scale: the whole shipped roster holding <c>--open</c> open tickets (500 000 by default) round-robin over
/// its 71 stations, first-response deadlines spread evenly over one day, and the clock moved through <c>--hours</c> of
/// that day in steps of <c>--step</c> seconds. Each step advances the fake clock (which fires every station's own sweep
/// timer) and then asks every station to sweep, as its timer does, timing each sweep; afterwards every seeded deadline
/// that fell due must have been escalated, within 60 s of falling due (read back from the tickets' timelines).
/// </summary>
/// <remarks>
/// Seeding 500 000 tickets through the grains would take most of an hour on two cores, so the benchmark writes what
/// storage would hold after a restart: every ticket's projection row (which the stations rebuild their index from on
/// activation), and for the tickets whose deadline falls inside the simulated hours their grain state too (escalating
/// needs it), as <see cref="ITicketGrain.ImportAsync"/> would write it. Then every grain is deactivated and the stations
/// activated again, so the index is rebuilt exactly as after a restart.
/// </remarks>
public static partial class SweepBenchmark
{
    public const string ScaleName = "escalation";

    public static async Task<BenchmarkReport> RunAtScaleAsync(BenchmarkArgs args)
    {
        var open = args.Int("open", args.Quick ? 20_000 : 500_000, 100, 5_000_000);
        var hours = args.Int("hours", args.Quick ? 1 : 24, 1, 24);
        var step = TimeSpan.FromSeconds(args.Int("step", 10, 1, 600));
        var report = new BenchmarkReport(ScaleName, "Escalation at scale: open tickets over the whole roster, deadlines spread over a day", args.CommandLine);
        report.Parameters["open tickets"] = $"{open:N0}";
        report.Parameters["simulated hours"] = hours.ToString(System.Globalization.CultureInfo.InvariantCulture);
        report.Parameters["clock step"] = $"{step.TotalSeconds:0} s (the stations' sweep timer period is 10 s)";
        var clock = Stopwatch.StartNew();

        var roster = RosterFile.Load(Repo.ShippedRosterPath);
        var stations = roster.Stations.Where(s => s.Level != StationLevel.Office).Select(s => s.Id).ToArray();
        var memoryEmpty = GC.GetTotalMemory(forceFullCollection: true);
        await using var silo = await BenchmarkSilo.StartAsync(Start);
        var grains = silo.Grains;
        await grains.GetGrain<ISubDistrictGrain>(roster.SubDistrict.Id).ApplyRosterAsync(roster);

        var end = Start + TimeSpan.FromHours(hours);
        var tickets = ScaleTickets(open, stations);
        var live = tickets.Where(t => t.FirstResponseDue <= end).ToList();
        var watch = Stopwatch.StartNew();
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Tickets);
        var written = await Load.ClosedLoopAsync(live.Count, 64, i =>
            storage.WriteStateAsync(TicketStateName, grains.GetGrain<ITicketGrain>(live[i].Id).GetGrainId(), new GrainState<TicketState>(StateOf(live[i]))));
        report.Figure("seedStatesSeconds", $"Seeding: the grain state of the {live.Count:N0} tickets due within the simulated hours, written into grain storage", watch.Elapsed.TotalSeconds, "s");
        if (written.Failures > 0)
            report.Problems.Add($"{written.Failures} ticket states could not be written.");
        watch.Restart();
        foreach (var ticket in tickets)
            await silo.Projection.UpsertAsync(TicketRow.From(ticket));
        report.Figure("seedRowsSeconds", $"Seeding: all {open:N0} open tickets written as projection rows", watch.Elapsed.TotalSeconds, "s");
        Console.WriteLine($"Seeded {open:N0} open tickets ({live.Count:N0} with grain state) in {clock.Elapsed.TotalSeconds:0} s.");
        tickets = null;

        // Memory: everything deactivated (what is left is this process's in-memory storage, which production keeps in
        // Azure Tables), then every station active with its index rebuilt.
        await DeactivateAllAsync(grains);
        var memoryDeactivated = GC.GetTotalMemory(forceFullCollection: true);
        watch.Restart();
        var counters = await Task.WhenAll(stations.Select(s => grains.GetGrain<IStationGrain>(s).GetCountersAsync()));
        report.Figure("rebuildSeconds", $"Activating all {stations.Length} stations: each rebuilds its index from the projection", watch.Elapsed.TotalSeconds, "s");
        var memoryActive = GC.GetTotalMemory(forceFullCollection: true);
        var indexed = counters.Sum(c => c.Open);
        if (indexed != open)
            report.Problems.Add($"The stations index {indexed:N0} open tickets after activation, not {open:N0}.");
        report.Figure("activeBytesPerTicket", "Memory per open ticket, stations active (their index: row copy, dictionary entry, sorted deadlines)",
            (double)(memoryActive - memoryDeactivated) / open, "B");
        report.Figure("storageBytesPerTicket", "In-process storage per open ticket after deactivation (memory grain storage + projection; Azure Tables in production)",
            (double)(memoryDeactivated - memoryEmpty) / open, "B");
        report.Figure("largestStationOpen", "Open tickets at the largest station", counters.Max(c => c.Open), "tickets");

        await MeasureScanBaselineAsync(silo, grains, counters.MaxBy(c => c.Open)!.StationId, report);

        // The day: advance the clock (every active station's timer fires and sweeps), then call every station's sweep as
        // the timer does. A call waits for the timer's sweep of that station to finish, so its round trip is the real
        // time from the clock's step to that station having escalated everything due.
        var dueByStep = live.GroupBy(t => (t.OwnerStationId, Step: (int)Math.Ceiling((t.FirstResponseDue!.Value - Start) / step)))
            .ToDictionary(g => g.Key, g => g.Count());
        var sweeps = new List<double>();
        var rounds = new List<double>();
        var k = 0;
        for (var at = Start; at < end; at += step)
        {
            k++;
            silo.Time.Advance(step);
            var round = Stopwatch.StartNew();
            var timed = await Task.WhenAll(stations.Select(async s =>
            {
                var call = Stopwatch.StartNew();
                await grains.GetGrain<IStationGrain>(s).SweepAsync();
                return (Station: s, Ms: call.Elapsed.TotalMilliseconds);
            }));
            rounds.Add(round.Elapsed.TotalMilliseconds);
            sweeps.AddRange(timed.Where(t => dueByStep.ContainsKey((t.Station, k))).Select(t => t.Ms));
            if ((at + step - Start).Ticks % TimeSpan.TicksPerHour < step.Ticks)
            {
                // The day passes in minutes of real time, so Orleans' idle collection (15 min) would never retire the
                // escalated tickets' activations, as it does in a real day: retire the idle ones each simulated hour.
                await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.FromSeconds(5));
                Console.WriteLine($"{(at + step - Start).TotalHours:0} simulated hour(s) after {clock.Elapsed.TotalSeconds:0} s.");
            }
        }
        report.Latencies("sweep", "Per station and step with deadlines due: clock step → the station's sweep done (real time)", sweeps);
        report.Figure("sweepMax", "The same, slowest", sweeps.Count == 0 ? double.NaN : sweeps.Max(), "ms");
        report.Latencies("round", $"Per step: clock step → all {stations.Length} stations swept (real time)", rounds);
        report.Ratio("slowestSweepOverTimerPeriod", "Slowest step (all stations swept) ÷ the sweep timer's period (10 s): below 1 keeps up",
            rounds.Max(), 10_000, "< 1", atMost: 1);

        var left = (await Task.WhenAll(stations.Select(s => grains.GetGrain<IStationGrain>(s).CountDueAsync()))).Sum(r => r.Checked);
        report.Figure("dueLeftAtEnd", "Deadlines due but not escalated at the end", left, "deadlines");
        if (left > 0)
            report.Problems.Add($"{left} due deadlines were not escalated.");
        var escalatedTotal = (await Task.WhenAll(stations.Select(s => grains.GetGrain<IStationGrain>(s).GetCountersAsync()))).Sum(c => c.EscalatedTotal);
        report.Figure("seededDue", "Seeded first-response deadlines that fell due in the simulated hours", live.Count, "deadlines");
        report.Figure("escalatedTotal", "Escalations counted by the stations (includes re-escalations by parents of tickets escalated earlier)", escalatedTotal, "escalations");

        var (within, sampled, lateness) = await LatenessAsync(grains, live, sample: args.Quick ? 500 : 5000);
        report.Latencies("lateness", "Escalation time − deadline, sampled tickets (fake clock)", lateness);
        report.Ratio("escalatedWithin60s", $"Share of {sampled:N0} sampled due deadlines escalated within 60 s of falling due", within, sampled, "100 %", atLeast: 1);

        report.Notes.Add("The clock is a fake one: grains see it, Orleans' own loops run on real time. A step advances it (firing every station's own sweep timer) and then calls every station's sweep, as the timer would; the sweeps' times are real.");
        report.Notes.Add("Memory storage and the in-memory projection (copying rows out as Azure Tables would): grain storage round trips are not part of these figures — the intake benchmark measures those.");
        report.Notes.Add($"Memory: .NET GC heap after full collections. Active − deactivated is what the stations' indexes hold; after deactivation the stations hold nothing (the {report.Value("storageBytesPerTicket"):0} B per ticket left is this process standing in for storage).");
        report.Finish(clock.Elapsed);
        return report;
    }

    /// <summary>The name <see cref="TicketGrain"/> gives its persistent state.</summary>
    private const string TicketStateName = "ticket";

    /// <summary>What a ticket grain stores for <paramref name="t"/>, as <see cref="ITicketGrain.ImportAsync"/> would store it.</summary>
    private static TicketState StateOf(TicketSnapshot t) => new()
    {
        Created = true, StationId = t.StationId, OwnerStationId = t.OwnerStationId, Status = t.Status, Description = t.Description,
        CategoryCode = t.CategoryCode, ResidentName = t.ResidentName, ResidentPhone = t.ResidentPhone, Address = t.Address,
        RegisteredAt = t.RegisteredAt, RequestKey = "benchmark", Timeline = [.. t.Timeline], PriorityClass = t.PriorityClass,
        FirstResponseDue = t.FirstResponseDue, ResolutionDue = t.ResolutionDue, DeadlineVersion = t.DeadlineVersion, UpdatedAt = t.UpdatedAt,
    };

    /// <summary>Open tickets, round-robin over the stations, first-response deadlines evenly over the day after <see cref="Start"/>.</summary>
    private static List<TicketSnapshot> ScaleTickets(int count, string[] stations)
    {
        var random = new Random(20261102);
        var tickets = new List<TicketSnapshot>(count);
        for (var i = 0; i < count; i++)
        {
            var station = stations[i % stations.Length];
            var due = Start + TimeSpan.FromSeconds(random.Next(1, 24 * 3600));
            var registered = due - TimeSpan.FromHours(24);
            tickets.Add(new TicketSnapshot
            {
                Id = TicketIds.Format(TicketIds.DayKey(registered), i + 1), StationId = station, OwnerStationId = station,
                Status = TicketStatus.Registered, Description = $"楼道灯不亮 — the stairwell light of building {i % 40 + 1} is out ({i})",
                CategoryCode = Category, ResidentName = "张三", ResidentPhone = "13812341234", Address = $"{i % 40 + 1}号楼",
                RegisteredAt = registered, UpdatedAt = registered, PriorityClass = "general",
                FirstResponseDue = due, ResolutionDue = due + TimeSpan.FromDays(6), DeadlineVersion = 1,
                Timeline = [new TimelineEntry(registered, "station-desk", "register", null, TicketStatus.Registered, null, station)],
            });
        }
        return tickets;
    }

    private static async Task DeactivateAllAsync(IGrainFactory grains)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.Zero);
    }

    /// <summary>The baseline: a linear scan of the largest station's open rows against its index's find, both for the same "now".</summary>
    private static async Task MeasureScanBaselineAsync(BenchmarkSilo silo, IGrainFactory grains, string stationId, BenchmarkReport report)
    {
        var station = grains.GetGrain<IStationGrain>(stationId);
        var rows = await silo.Projection.LoadOpenAsync(stationId);
        var later = silo.Time.GetUtcNow() + TimeSpan.FromHours(1);
        var (find, scan) = (new List<double>(), new List<double>());
        for (var i = 0; i < Warmup + 100; i++)
        {
            var found = await station.CountDueAsync();
            var watch = Stopwatch.StartNew();
            var due = rows.Count(r => r.IsOpen && (r.FirstResponseDue <= later || r.ResolutionDue <= later));
            var elapsed = watch.Elapsed.TotalMilliseconds;
            GC.KeepAlive(due);
            if (i < Warmup)
                continue;
            find.Add(found.Elapsed.TotalMilliseconds);
            scan.Add(elapsed);
        }
        report.Latencies("find", $"Finding the due deadlines in the largest station's index ({rows.Count:N0} open, inside the grain)", find);
        report.Latencies("scan", "Baseline: linear scan of the same station's open rows, in memory", scan);
        report.Ratio("scanOverFind", "Linear scan ÷ index find, medians (how many times faster the index is)",
            BenchmarkReport.Percentile(scan, 0.5), BenchmarkReport.Percentile(find, 0.5));
    }

    /// <summary>For a sample of the imported tickets: when (on the fake clock) the first escalation happened, after the seeded deadline.</summary>
    private static async Task<(int Within, int Sampled, List<double> LatenessMs)> LatenessAsync(IGrainFactory grains, List<TicketSnapshot> live, int sample)
    {
        var random = new Random(7);
        var chosen = live.OrderBy(_ => random.Next()).Take(sample).ToList();
        var lateness = new List<double>();
        var within = 0;
        foreach (var seeded in chosen)
        {
            var ticket = await grains.GetGrain<ITicketGrain>(seeded.Id).GetAsync();
            var escalation = ticket?.Timeline.FirstOrDefault(e => e.Action.StartsWith("escalate", StringComparison.Ordinal));
            if (escalation is null)
                continue;
            var late = escalation.At - seeded.FirstResponseDue!.Value;
            lateness.Add(late.TotalMilliseconds);
            if (late >= TimeSpan.Zero && late <= TimeSpan.FromSeconds(60))
                within++;
        }
        return (within, chosen.Count, lateness);
    }
}
