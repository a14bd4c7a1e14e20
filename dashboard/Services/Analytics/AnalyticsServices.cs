using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

using GuoduActors.Dashboard.Services.Analytics;

// In the dashboard's root namespace, beside AddGuoduDashboard, which calls it.
namespace GuoduActors.Dashboard;

public static class AnalyticsServices
{
    /// <summary>
    /// The Orleans-backed sources of the teams, satisfaction and weekly-report pages. Registered with TryAdd, so a test
    /// (or another host) that registered its own first keeps them.
    /// </summary>
    public static IServiceCollection AddGuoduAnalytics(this IServiceCollection services)
    {
        services.TryAddSingleton<IRosterSource, OrleansRosterSource>();
        services.TryAddSingleton<ITeamSource, OrleansTeamSource>();
        services.TryAddSingleton<IRatingSource, ProjectionRatingSource>();
        services.TryAddSingleton<IWeeklyReportSource, OrleansWeeklyReportSource>();
        return services;
    }
}
