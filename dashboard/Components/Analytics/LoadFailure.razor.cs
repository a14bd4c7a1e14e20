using GuoduActors.Dashboard.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace GuoduActors.Dashboard.Components.Analytics;

public sealed partial class LoadFailure : ComponentBase
{
    [Inject] private IStringLocalizer<AnalyticsResource> T { get; set; } = null!;

    [Parameter, EditorRequired] public Exception Failure { get; set; } = null!;

    [Parameter] public EventCallback Retry { get; set; }
}
