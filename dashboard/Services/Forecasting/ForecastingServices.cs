using GuoduActors.Dashboard.Forecasting;
using GuoduActors.Dashboard.Services.Forecasting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

// In the dashboard's root namespace, beside AddGuoduDashboard; the silo calls both.
namespace GuoduActors.Dashboard;

public static class ForecastingServices
{
    /// <summary>
    /// The forecasting background service and what it reads, bound to section <c>Forecasting</c> (validated at start).
    /// The holiday calendar is the host's: the silo registers mainland China's before calling this; any other host gets
    /// weekdays only. Registered with TryAdd, so a test that registered its own sources keeps them.
    /// </summary>
    public static IServiceCollection AddGuoduForecasting(this IServiceCollection services)
    {
        services.AddOptions<ForecastingOptions>().BindConfiguration(ForecastingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IForecastCalendar>(WeekdayOnlyCalendar.Instance);
        services.TryAddSingleton<IDailyCountSource, OrleansDailyCountSource>();
        services.TryAddSingleton<ForecastingService>();
        services.TryAddSingleton<IPlannerForecasts>(sp => sp.GetRequiredService<ForecastingService>());
        services.AddHostedService(sp => sp.GetRequiredService<ForecastingService>());
        return services;
    }
}
