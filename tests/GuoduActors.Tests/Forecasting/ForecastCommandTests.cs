using System.Diagnostics;
using System.Text.Json;
using GuoduActors.Dashboard.Forecasting;
using GuoduActors.Silo.Forecasting;

namespace GuoduActors.Tests.Forecasting;

public sealed class ForecastCommandTests
{
    private static readonly DateOnly Start = new(2023, 1, 1);

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = ForecastCommand.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void BacktestWithJsonPrintsEverySeriesOverallAndBothBaselines()
    {
        using var folder = new TempFolder();
        var csv = ForecastTestData.WriteCsv(folder.Path, ForecastTestData.Synthetic(Start, 300));

        var (code, output, error) = Run("backtest", "--csv", csv, "--horizon", "7", "--origins", "2", "--json", "--calendar", "none");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        var series = json.RootElement.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(["busy", "quiet"], series.Select(s => s.GetProperty("series").GetString()));
        var overall = json.RootElement.GetProperty("overall");
        Assert.Equal("overall", overall.GetProperty("series").GetString());
        Assert.Equal(28, overall.GetProperty("points").GetInt32());
        foreach (var field in new[] { "mae", "mase", "coverage80", "relMae" })
            Assert.True(overall.GetProperty(field).GetDouble() > 0, field);
        foreach (var field in new[] { "mae", "mase", "coverage80" })
            Assert.True(overall.GetProperty("seasonalNaive").GetProperty(field).GetDouble() > 0, field);
        Assert.True(overall.GetProperty("reference").GetProperty("relMae").GetDouble() > 0);
        Assert.Equal(["2023-10-14", "2023-10-21"], json.RootElement.GetProperty("origins").EnumerateArray().Select(o => o.GetString()));
    }

    [Fact]
    public void TheBuiltHostRunsABacktestAndPrintsItsTable()
    {
        using var folder = new TempFolder();
        var csv = ForecastTestData.WriteCsv(folder.Path, ForecastTestData.Synthetic(Start, 300));

        var (code, output, error) = RunHost("forecast", "backtest", "--csv", csv, "--horizon", "7", "--origins", "1");

        Assert.True(code == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Backtest: 2 series, 2023-01-01..2023-10-27, 1 origins", lines[0]);
        Assert.Contains("calendar cn", lines[0]);
        Assert.Matches(@"^busy\s+7 \|", lines[3]);
        Assert.Matches(@"^overall\s+14 \|", lines[^1]);
    }

    [Fact]
    public void TheBuiltHostRefusesAMissingFileWithOneLineAndExitCode2()
    {
        var (code, output, error) = RunHost("forecast", "backtest", "--csv", "/no/such/counts.csv");

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("forecast: CSV file '/no/such/counts.csv' does not exist (looked for /no/such/counts.csv;", error.TrimEnd());
    }

    [Theory]
    [InlineData("day,series,count\n2024-01-01,a,1\n", "line 1: expected the header 'date,series,count', found 'day,series,count'")]
    [InlineData("date,series,count\n2024-01-01,a,1\n2024-13-01,a,2\n", "line 3: '2024-13-01' is not a date (yyyy-MM-dd)")]
    [InlineData("date,series,count\n2024-01-01,a,-3\n", "line 2: the count -3 is negative")]
    [InlineData("date,series,count\n2024-01-01,a,x\n", "line 2: 'x' is not a count")]
    [InlineData("date,series,count\n2024-01-01,a\n", "line 2: expected 3 fields (date,series,count), found 2")]
    [InlineData("date,series,count\n2024-01-01,a,1\n2024-01-01,a,2\n", "line 3: series 'a' has a second row for 2024-01-01")]
    [InlineData("", "the file is empty; expected the header 'date,series,count'")]
    public void ABadCsvIsOneClearErrorLineWithExitCode2(string content, string message)
    {
        using var folder = new TempFolder();
        var csv = Path.Combine(folder.Path, "bad.csv");
        File.WriteAllText(csv, content);

        var (code, output, error) = Run("backtest", "--csv", csv);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal($"forecast: {csv}{(message.StartsWith("line", StringComparison.Ordinal) ? ", " : ": ")}{message}.", error.TrimEnd());
    }

    [Theory]
    [InlineData(new[] { "backtest" }, "forecast: forecast backtest needs --csv.")]
    [InlineData(new[] { "backtest", "--csv", "x.csv", "--horizon", "0" }, "forecast: --horizon must be a whole number from 1 to 366; got '0'.")]
    [InlineData(new[] { "backtest", "--csv", "x.csv", "--origins", "many" }, "forecast: --origins must be a whole number from 1 to 1000; got 'many'.")]
    [InlineData(new[] { "backtest", "--csv", "x.csv", "--calendar", "fr" }, "forecast: --calendar must be cn, us or none; got 'fr'.")]
    [InlineData(new[] { "backtest", "--csv", "x.csv", "--speed", "9" }, "forecast: forecast backtest has no option --speed.")]
    [InlineData(new[] { "predict" }, "forecast: usage: forecast backtest")]
    public void BadArgumentsAreOneClearErrorLineWithExitCode2(string[] args, string message)
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, "x.csv"), "date,series,count\n2024-01-01,a,1\n");

        var (code, output, error) = Run([.. args.Select(a => a == "x.csv" ? Path.Combine(folder.Path, a) : a)]);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith(message, error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void TrainSavesTheModelWithItsBacktestInTheSidecar()
    {
        using var folder = new TempFolder();
        var csv = ForecastTestData.WriteCsv(folder.Path, ForecastTestData.Synthetic(Start, 400));
        var model = Path.Combine(folder.Path, "forecast.zip");

        var (code, output, error) = Run("train", "--csv", csv, "--model", model, "--origins", "1", "--calendar", "none");

        Assert.True(code == 0, error);
        Assert.Contains("saved", output);
        var info = new ForecastModelStore().ReadInfo(model);
        Assert.Equal((28, 8, "none"), (info.Horizon, info.Weeks, info.Calendar));
        Assert.Equal(1, info.Backtest!.Origins);
        Assert.Equal(new DateOnly(2024, 2, 4), info.LastDay);
        Assert.Equal(8, new ForecastModelStore().Load(model, WeekdayOnlyCalendar.Instance).Forecast(ForecastTestData.Synthetic(Start, 400))[0].Weekly.Count);
    }

    private static (int Code, string Output, string Error) RunHost(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Repo.SiloDll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
