namespace GuoduActors.Dashboard.Services;

/// <summary>Reads the overview from the sub-district grain of the site this process serves.</summary>
public sealed class OrleansOverviewSource(IGrainFactory grains, SiteContext site) : IOverviewSource
{
    public Task<SubDistrictOverview> GetOverviewAsync() =>
        grains.GetGrain<ISubDistrictGrain>(site.SubDistrictId).GetOverviewAsync();
}
