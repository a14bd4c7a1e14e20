using GuoduActors.Dashboard.Localization;
using GuoduActors.Dashboard.Services.Forecasting;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace GuoduActors.Dashboard.Components.Planner;

/// <summary>Training in progress, its completion or failure, and the reasons there is no model yet (with what to do).</summary>
public sealed partial class PlannerTrainingStatus : ComponentBase
{
    [Inject] private IStringLocalizer<AnalyticsResource> T { get; set; } = null!;

    [Parameter, EditorRequired] public ForecastSnapshot Snapshot { get; set; } = ForecastSnapshot.Empty;

    /// <summary>When the reader asked for a retraining on this page, if they did.</summary>
    [Parameter] public DateTimeOffset? RetrainRequestedAt { get; set; }

    /// <summary>The reader's request found a training already running.</summary>
    [Parameter] public bool AlreadyRunning { get; set; }

    /// <summary>The model in use was trained after the reader asked for it.</summary>
    private bool Retrained => RetrainRequestedAt is { } asked && Snapshot.Model is { } model && model.TrainedAt >= asked;
}
