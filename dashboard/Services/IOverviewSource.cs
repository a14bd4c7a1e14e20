namespace GuoduActors.Dashboard.Services;

/// <summary>Where the leaders' overview comes from; the page depends on this, not on Orleans, so it can be tested alone.</summary>
public interface IOverviewSource
{
    /// <summary>The sub-district's roster with every station's live counters, in one call.</summary>
    Task<SubDistrictOverview> GetOverviewAsync();
}
