using System.Globalization;
using GuoduActors.Grains;
using GuoduActors.Grains.Simulation;

namespace GuoduActors.Silo.Api;

/// <summary>Whether the data is simulated, and the read-only archive of simulated historic tickets.</summary>
internal static class SimulationEndpoints
{
    public static RouteGroupBuilder MapSimulationEndpoints(this RouteGroupBuilder api)
    {
        // Public on purpose: it is a label, not data, and anyone looking at figures should be able to learn they are simulated.
        api.MapGet("/simulation", async (IGrainFactory grains, SiteContext site) =>
            TypedResults.Ok(await grains.GetGrain<ISubDistrictGrain>(site.SubDistrictId).GetSimulationAsync()))
            .WithName("Simulation")
            .WithSummary("Whether the data is a simulated history (isSimulated), up to when (simulatedUntil), and how far its seeding got. The UI labels simulated data with it.");
        return api;
    }

    /// <summary>
    /// A simulated historic ticket (<c>SIM-yyyyMMdd-NNNN</c>) has no grain: it is answered from its projection row as an
    /// archived, read-only ticket. Its id carries its registration day, so the lookup reads that day's rows, not all.
    /// Simulated residents have no phone to prove, so only signed-in users see the archive.
    /// </summary>
    public static async Task<IResult> GetArchivedTicketAsync(string ticketId, Actor viewer, ITicketProjectionStore projection, CancellationToken cancellationToken)
    {
        if (viewer.Role != ActorRole.Resident && SimulatedTickets.DayOf(ticketId) is { } day)
        {
            var local = day.ToDateTime(TimeOnly.MinValue);
            var start = new DateTimeOffset(local, TicketIds.ChinaStandardTime.GetUtcOffset(local));
            TicketRow? found = null;
            await foreach (var row in projection.QueryAsync(new TicketFilter { RegisteredFrom = start, RegisteredTo = start.AddDays(1) }, cancellationToken))
            {
                if (row.TicketId == ticketId && (found is null || row.UpdatedAt > found.UpdatedAt))
                    found = row;
            }
            if (found is not null)
                return TypedResults.Ok(TicketDto.From(SimulatedTickets.Archived(found), viewer) with { AllowedActions = [] });
        }
        return Problems.Problem(StatusCodes.Status404NotFound, "Not found",
            string.Create(CultureInfo.InvariantCulture, $"No simulated ticket '{ticketId}' exists for these credentials; simulated tickets are archived, read-only records that signed-in users can see."));
    }
}
