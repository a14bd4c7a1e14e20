using GuoduActors.Dashboard.Forecasting;
using GuoduActors.Grains;
using GuoduActors.Grains.Sla;
using GuoduActors.Silo.Forecasting;

namespace GuoduActors.Silo.Hosting;

/// <summary>Section <c>Sla</c>: where the catalogue and the holiday calendars are.</summary>
public sealed class SlaOptions
{
    public const string Section = "Sla";

    /// <summary>The category catalogue; a relative path is resolved against the content root, then the binaries.</summary>
    public string CataloguePath { get; set; } = "catalogue.json";

    /// <summary>The folder of <c>cn-YYYY.json</c> holiday calendars.</summary>
    public string CalendarsPath { get; set; } = "calendars";
}

public static class SlaHosting
{
    /// <summary>Loads and validates the catalogue and holiday calendars before anything starts: a bad file stops the start, naming the entry.</summary>
    public static WebApplicationBuilder AddGuoduSla(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SlaOptions.Section).Get<SlaOptions>() ?? new();
        var contentRoot = builder.Environment.ContentRootPath;
        SlaPolicy policy;
        try
        {
            policy = new SlaPolicy(CatalogueFile.Load(DataFiles.Resolve(options.CataloguePath, contentRoot)),
                HolidayCalendar.Load(DataFiles.Resolve(options.CalendarsPath, contentRoot)));
        }
        catch (Exception e) when (e is CatalogueException or HolidayCalendarException)
        {
            throw new StartupException(e.Message, e);
        }
        builder.Services.AddSingleton(policy);
        builder.Services.AddSingleton(policy.Catalogue);
        builder.Services.AddSingleton<ITicketPolicy, CatalogueTicketPolicy>();
        // The forecaster learns the same public holidays and make-up working days the deadlines skip.
        builder.Services.AddSingleton<IForecastCalendar>(new ChinaForecastCalendar(policy.Holidays));
        builder.Services.AddHostedService<HolidayCoverageCheck>();
        return builder;
    }
}

/// <summary>Warns when the holiday calendar for this year or the next is missing: business-hours deadlines would then skip only weekends.</summary>
internal sealed class HolidayCoverageCheck(SlaPolicy policy, TimeProvider time, ILogger<HolidayCoverageCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var year = TimeZoneInfo.ConvertTime(time.GetUtcNow(), TicketIds.ChinaStandardTime).Year;
        foreach (var missing in new[] { year, year + 1 }.Where(y => !policy.Holidays.Covers(y)))
            logger.LogWarning("No holiday calendar for {Year}: add calendars/cn-{Year}.json when the State Council publishes the notice; until then only weekends count as days off.", missing, missing);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Data files shipped beside the silo (roster, catalogue, calendars).</summary>
internal static class DataFiles
{
    /// <summary>An absolute path as is; a relative one against the content root if it exists there, else beside the binaries.</summary>
    public static string Resolve(string path, string contentRoot)
    {
        if (Path.IsPathRooted(path))
            return path;
        var fromContentRoot = Path.Combine(contentRoot, path);
        return File.Exists(fromContentRoot) || Directory.Exists(fromContentRoot) ? fromContentRoot : Path.Combine(AppContext.BaseDirectory, path);
    }
}
