using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.ML;

namespace GuoduActors.Dashboard.Forecasting;

/// <summary>
/// Saves a trained model as an ML.NET model file (<c>mlContext.Model.Save</c>) and its <see cref="ForecastModelInfo"/>
/// as a sidecar JSON beside it (<c>forecast.zip</c> → <c>forecast.meta.json</c>). Both are written to temporary files
/// and moved into place, so a reader never sees half a model.
/// </summary>
public sealed class ForecastModelStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // The interval bins' open ends are ±infinity.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string SidecarPath(string modelPath) => Path.ChangeExtension(modelPath, ".meta.json");

    /// <summary>Where the backtest a model was checked with is kept: <c>forecast.zip</c> → <c>forecast.backtest.json</c>.</summary>
    public static string BacktestPath(string modelPath) => Path.ChangeExtension(modelPath, ".backtest.json");

    public void Save(TrainedForecastModel model, string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temporaryModel = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var temporaryInfo = temporaryModel + ".json";
        try
        {
            new MLContext().Model.Save(model.Transformer, model.InputSchema, temporaryModel);
            File.WriteAllText(temporaryInfo, JsonSerializer.Serialize(model.Info, Json));
            File.Move(temporaryModel, path, overwrite: true);
            File.Move(temporaryInfo, SidecarPath(path), overwrite: true);
        }
        finally
        {
            File.Delete(temporaryModel);
            File.Delete(temporaryInfo);
        }
    }

    /// <summary>Saves the full backtest (per series and overall) beside the model at <paramref name="modelPath"/>.</summary>
    public void SaveBacktest(BacktestReport report, string modelPath)
    {
        var path = BacktestPath(modelPath);
        var temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, JsonSerializer.Serialize(report, Json));
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The backtest saved beside the model, or null when there is none or it cannot be read.</summary>
    public BacktestReport? ReadBacktest(string modelPath)
    {
        var path = BacktestPath(modelPath);
        if (!File.Exists(path))
            return null;
        try
        {
            return JsonSerializer.Deserialize<BacktestReport>(File.ReadAllText(path), Json);
        }
        catch (JsonException)
        {
            // The accuracy is shown beside the forecasts, not needed for them: the next training writes it again.
            return null;
        }
    }

    /// <summary>Reads only the sidecar: what the model is and how good it was.</summary>
    public ForecastModelInfo ReadInfo(string path)
    {
        var sidecar = SidecarPath(path);
        if (!File.Exists(sidecar))
            throw new ForecastInputException($"Model metadata '{sidecar}' does not exist.");
        try
        {
            return JsonSerializer.Deserialize<ForecastModelInfo>(File.ReadAllText(sidecar), Json)
                ?? throw new ForecastInputException($"Model metadata '{sidecar}' is empty.");
        }
        catch (JsonException e)
        {
            throw new ForecastInputException($"Model metadata '{sidecar}' is not valid: {e.Message}");
        }
    }

    /// <summary>Loads a model saved by <see cref="Save"/>; refuses one trained with other features or another holiday calendar.</summary>
    public TrainedForecastModel Load(string path, IForecastCalendar calendar)
    {
        var info = ReadInfo(path);
        if (info.FeatureVersion != ForecastFeatures.Version)
            throw new ForecastInputException($"Model '{path}' was trained with feature version {info.FeatureVersion}; this build computes version {ForecastFeatures.Version}. Retrain it.");
        if (!string.Equals(info.Calendar, calendar.Name, StringComparison.Ordinal))
            throw new ForecastInputException($"Model '{path}' was trained with the '{info.Calendar}' holiday calendar, not '{calendar.Name}'.");
        if (!File.Exists(path))
            throw new ForecastInputException($"Model file '{path}' does not exist.");
        var ml = new MLContext();
        var transformer = ml.Model.Load(path, out var schema);
        return new TrainedForecastModel(ml, transformer, schema, info, calendar);
    }
}
