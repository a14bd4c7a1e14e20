using GuoduActors.Dashboard.Forecasting;
using GuoduActors.Silo.Forecasting;

namespace GuoduActors.Tests.Forecasting;

/// <summary>
/// The acceptance run on real data: Washington DC's rodent requests per ward and city-wide (shared/data/dc311, beside
/// the repository and never copied into it), last 8 origins, 28-day horizon, the default (Chinese) calendar as the CLI uses.
/// </summary>
public sealed class DcRodentAcceptanceTests
{
    [DcDataFact]
    public void TheModelBeatsSeasonalNaiveByAFifthAndTheReferenceWithCalibratedIntervals()
    {
        var data = DailyCountsCsv.Load(DcData.Path!);
        var forecaster = new GlobalForecaster(new ChinaForecastCalendar(ForecastTestData.China.Official), new ForecastOptions { Horizon = 28, Weeks = 0 });

        var report = Backtester.Run(data, forecaster, horizon: 28, origins: 8);

        Assert.Equal(9, report.Series.Count);
        Assert.InRange(report.Overall.RelMae!.Value, 0, 0.80);
        Assert.True(report.Overall.RelMae < report.Overall.Reference.RelMae, $"model {report.Overall.RelMae:0.000} vs reference {report.Overall.Reference.RelMae:0.000}");
        Assert.InRange(report.Overall.Coverage80!.Value, 0.75, 0.85);
    }

    /// <summary>Skipped, saying so, only when the shared data folder is not beside the repository.</summary>
    private sealed class DcDataFactAttribute : FactAttribute
    {
        public DcDataFactAttribute()
        {
            if (DcData.Path is null)
                Skip = "shared/data/dc311/rodent_daily_by_ward.csv is not beside the repository";
        }
    }

    private static class DcData
    {
        public static readonly string? Path = Find();

        private static string? Find()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data", "dc311", "rodent_daily_by_ward.csv");
                if (File.Exists(candidate))
                    return candidate;
            }
            return null;
        }
    }
}
