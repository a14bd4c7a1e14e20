using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using GuoduActors.Grains;
using GuoduActors.Grains.Simulation;
using GuoduActors.Grains.Sla;

namespace GuoduActors.Silo.Hosting;

/// <summary>Section <c>Simulation</c>: the opt-in simulated history for a first look at an empty product.</summary>
public sealed class SimulationOptions
{
    public const string Section = "Simulation";

    /// <summary>Seed a simulated history into an empty store at start (once: a later start never seeds again).</summary>
    public bool SeedHistory { get; set; }

    /// <summary>How many days of history, ending at 00:00 China Standard Time of the day of seeding.</summary>
    [Range(1, HistoryGenerator.MaxDays)] public int Days { get; set; } = 730;

    /// <summary>
    /// Average matters a station registers per day; 3.5 gives the shipped roster's 71 stations about 250 a day. At most 5:
    /// each station keeps its daily counts per category for 800 days in its grain state, which Azure Tables cap near 1 MB.
    /// </summary>
    [Range(0.1, 5)] public double DailyTicketsPerStation { get; set; } = 3.5;

    /// <summary>The random seed: the same seed (with the same roster, catalogue and day) gives the same history.</summary>
    public int Seed { get; set; } = 2026;

    /// <summary>How many grain calls the seeding keeps in flight.</summary>
    [Range(1, 64)] public int Parallelism { get; set; } = 8;
}

/// <summary>What the seeding service decided or did at this start.</summary>
public enum SeedingOutcome
{
    /// <summary><c>Simulation:SeedHistory</c> is off.</summary>
    Disabled,

    /// <summary>A simulated history was seeded at an earlier start; nothing was written.</summary>
    AlreadySeeded,

    /// <summary>The store already holds tickets (real ones): a simulated history is only seeded into an empty store.</summary>
    StoreNotEmpty,

    /// <summary>The history was written (or an interrupted seeding was finished) at this start.</summary>
    Seeded,

    /// <summary>The seeding failed part-way; the next start resumes it with the same plan.</summary>
    Failed,
}

public static class SimulationHosting
{
    /// <summary>
    /// The opt-in seeding of a simulated history. Call after <c>AddGuoduRoster</c>: hosted services start in order, so
    /// the seeding begins once the roster is applied.
    /// </summary>
    public static WebApplicationBuilder AddGuoduSimulation(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SimulationOptions.Section).Get<SimulationOptions>() ?? new();
        OrleansHosting.Validate(options, SimulationOptions.Section);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<SimulationSeeder>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SimulationSeeder>());
        return builder;
    }
}

/// <summary>
/// Seeds a simulated history into an empty product, in the background (never on grain threads): records the plan in
/// the sub-district grain first, then imports each station's daily counts, the tickets still open at the end into live
/// ticket grains, and the finished tickets as projection rows in storage batches, newest first (the weekly report
/// of the last week is compiled from them minutes after the start). Every step is idempotent, so a start that finds
/// a seeding interrupted finishes it with the same plan; a start after a completed seeding writes nothing.
/// </summary>
public sealed class SimulationSeeder(
    SimulationOptions options,
    GuoduActors.Roster roster,
    SlaPolicy sla,
    IGrainFactory grains,
    ITicketProjectionStore projection,
    TimeProvider time,
    ILogger<SimulationSeeder> logger) : BackgroundService
{
    private readonly TaskCompletionSource<SeedingOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when this start's seeding decided or finished.</summary>
    public Task<SeedingOutcome> Outcome => _outcome.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            _outcome.TrySetResult(await SeedAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _outcome.TrySetCanceled(stoppingToken);
        }
        catch (Exception e)
        {
            // The product runs on without it; the sub-district still says "seeding", so the UI labels what was written.
            logger.LogError(e, "Seeding the simulated history failed part-way; the next start with Simulation:SeedHistory=true resumes it");
            _outcome.TrySetResult(SeedingOutcome.Failed);
        }
    }

    private async Task<SeedingOutcome> SeedAsync(CancellationToken cancellationToken)
    {
        if (!options.SeedHistory)
            return SeedingOutcome.Disabled;
        var subDistrict = grains.GetGrain<ISubDistrictGrain>(roster.SubDistrict.Id);
        var status = await subDistrict.GetSimulationAsync();
        if (status.Phase == SimulationPhase.Seeded)
        {
            logger.LogInformation("A simulated history up to {Until:yyyy-MM-dd HH:mm} UTC was seeded on {Completed:yyyy-MM-dd}; not seeding again", status.SimulatedUntil, status.CompletedAt);
            return SeedingOutcome.AlreadySeeded;
        }
        if (status.Phase == SimulationPhase.None)
        {
            if (await HoldsTicketsAsync(cancellationToken))
            {
                logger.LogWarning("Simulation:SeedHistory is on, but the store already holds tickets: a simulated history is only seeded into an empty store");
                return SeedingOutcome.StoreNotEmpty;
            }
            status = await subDistrict.BeginSimulationAsync(
                HistoryGenerator.PlanEndingOn(time.GetUtcNow(), options.Days, options.Seed, options.DailyTicketsPerStation));
        }
        else
        {
            logger.LogInformation("Resuming the interrupted seeding of a simulated history");
        }

        var plan = status.Plan ?? throw new InvalidOperationException("A seeding in progress has no plan.");
        var watch = Stopwatch.StartNew();
        var history = new HistoryGenerator(roster, sla).Generate(plan);
        var live = history.LiveTickets.ToList();
        var historic = history.HistoricRows.OrderByDescending(r => r.RegisteredAt).ToList();
        logger.LogInformation("Simulated {Days} days ({First:yyyy-MM-dd} to {Last:yyyy-MM-dd}, seed {Seed}): {Tickets} tickets, {Open} still open, in {Seconds:0.0} s",
            plan.Days, plan.FirstDay, plan.LastDay, plan.Seed, history.Tickets.Count, live.Count, watch.Elapsed.TotalSeconds);

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(history.DailyCounts, parallel, async (station, _) =>
            await grains.GetGrain<IStationGrain>(station.Key).ImportDailyCountsAsync(station.Value));
        logger.LogInformation("Daily counts of {Stations} stations imported at {Seconds:0.0} s", history.DailyCounts.Count, watch.Elapsed.TotalSeconds);

        await Parallel.ForEachAsync(live, parallel, async (ticket, _) => await grains.GetGrain<ITicketGrain>(ticket.Id).ImportAsync(ticket));
        logger.LogInformation("{Open} open tickets imported into live grains at {Seconds:0.0} s", live.Count, watch.Elapsed.TotalSeconds);

        // About a hundred rows per station per call: one full storage batch per partition.
        var chunk = 100 * (roster.Stations.Count + 1);
        var written = 0;
        foreach (var rows in historic.Chunk(chunk))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await projection.UpsertManyAsync(rows);
            written += rows.Length;
            if (written / chunk % 5 == 0 || written == historic.Count)
                logger.LogInformation("{Written} of {Total} historic tickets written (back to {Day:yyyy-MM-dd}) at {Seconds:0.0} s",
                    written, historic.Count, rows[^1].RegisteredAt, watch.Elapsed.TotalSeconds);
        }

        await subDistrict.CompleteSimulationAsync(historic.Count, live.Count);
        logger.LogInformation("Simulated history seeded in {Seconds:0.0} s: {Historic} historic tickets (SIM-…), {Open} live ones, daily counts of {Stations} stations",
            watch.Elapsed.TotalSeconds, historic.Count, live.Count, history.DailyCounts.Count);
        return SeedingOutcome.Seeded;
    }

    private async Task<bool> HoldsTicketsAsync(CancellationToken cancellationToken)
    {
        await foreach (var _ in projection.QueryAsync(new TicketFilter(), cancellationToken))
            return true;
        return false;
    }
}
