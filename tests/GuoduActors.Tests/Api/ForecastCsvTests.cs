using System.Text;
using GuoduActors.Dashboard.Forecasting;
using GuoduActors.Dashboard.Services.Forecasting;
using GuoduActors.Tests.Dashboard;
using GuoduActors.Tests.Sla;

namespace GuoduActors.Tests.Api;

/// <summary>The planner's 8-week table as the CSV download (<c>GET /api/forecast/weekly.csv</c>) writes it.</summary>
public sealed class ForecastCsvTests
{
    [Fact]
    public void TheCsvHasAHeaderAndOneInvariantRowPerWeekWhateverTheServersCulture()
    {
        var weeks = PlannerTable.Build(SamplePlanner.Trained(), "guodu", ForecastHierarchy.AllCategories, SlaTestData.ShippedCatalogue);

        string text;
        using (new CultureScope("de-DE"))
            text = Encoding.UTF8.GetString(ForecastEndpoints.Csv("guodu", ForecastHierarchy.AllCategories, weeks));

        Assert.StartsWith("\uFEFF", text, StringComparison.Ordinal);
        var lines = text[1..].Split("\r\n");
        Assert.Equal("week_start,week_end,station,category,expected,lower_80,upper_80,hours,hours_lower_80,hours_upper_80", lines[0]);
        Assert.Equal("2026-11-23,2026-11-29,guodu,all,70,55,85,120,94.3,145.7", lines[1]);
        Assert.Equal("2027-01-11,2027-01-17,guodu,all,70,55,85,120,94.3,145.7", lines[8]);
        Assert.Equal("", lines[9]);
        Assert.Equal(10, lines.Length);
    }

    [Fact]
    public void ACategorysRowsCarryItsCodeAndItsOwnHandlingHours()
    {
        var weeks = PlannerTable.Build(SamplePlanner.Trained(), "guodu", "electrical", SlaTestData.ShippedCatalogue);

        var lines = Encoding.UTF8.GetString(ForecastEndpoints.Csv("guodu", "electrical", weeks))[1..].Split("\r\n");

        Assert.Equal("2026-11-23,2026-11-29,guodu,electrical,40,30,50,60,45,75", lines[1]);
    }
}
