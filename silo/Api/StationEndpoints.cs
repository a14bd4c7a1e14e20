namespace GuoduActors.Silo.Api;

/// <summary>A station as the public API shows it.</summary>
public sealed record StationDto(string Id, string NameZh, string NameEn, StationLevel Level, string ParentId, bool IsPlaceholder)
{
    public static StationDto From(StationInfo s) => new(s.Id, s.NameZh, s.NameEn, s.Level, s.ParentId, s.IsPlaceholder);
}

/// <summary>A volunteer team as the public API shows it.</summary>
public sealed record TeamDto(string Id, string NameZh, string NameEn, string HomeStationId, IReadOnlyList<string> Skills, int Capacity, bool IsPlaceholder)
{
    public static TeamDto From(TeamInfo t) => new(t.Id, t.NameZh, t.NameEn, t.HomeStationId, t.Skills, t.Capacity, t.IsPlaceholder);
}

internal static class StationEndpoints
{
    public static RouteGroupBuilder MapStationEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/stations", async (IGrainFactory grains, SiteContext site) =>
        {
            var roster = await grains.GetGrain<ISubDistrictGrain>(site.SubDistrictId).GetRosterAsync();
            return TypedResults.Ok((roster?.Stations ?? []).Select(StationDto.From).ToList());
        })
        .WithName("ListStations").WithSummary("The roster's stations: id, names, level and parent.");

        api.MapGet("/stations/{stationId}", (string stationId, IGrainFactory grains) => Problems.Guard(async () =>
        {
            var info = await grains.GetGrain<IStationGrain>(stationId).GetInfoAsync();
            return info is null
                ? Problems.Problem(StatusCodes.Status404NotFound, "Not found", $"No station '{stationId}' is in the roster.")
                : TypedResults.Ok(StationDto.From(info));
        }))
        .WithName("GetStation");

        api.MapGet("/teams", async (IGrainFactory grains, SiteContext site) =>
        {
            var roster = await grains.GetGrain<ISubDistrictGrain>(site.SubDistrictId).GetRosterAsync();
            return TypedResults.Ok((roster?.Teams ?? []).Select(TeamDto.From).ToList());
        })
        .WithName("ListTeams").WithSummary("The roster's volunteer teams with their skills and capacity.");
        return api;
    }
}
