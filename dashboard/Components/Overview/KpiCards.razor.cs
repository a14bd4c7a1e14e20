using System.Globalization;
using GuoduActors.Dashboard.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace GuoduActors.Dashboard.Components.Overview;

/// <summary>The leaders' four headline figures: open and overdue now, escalated and received today (China Standard Time).</summary>
public sealed partial class KpiCards : ComponentBase
{
    [Inject] private IStringLocalizer<OverviewResource> T { get; set; } = null!;

    [Parameter, EditorRequired] public int Open { get; set; }
    [Parameter, EditorRequired] public int Overdue { get; set; }

    /// <summary><c>null</c> while the figures from the projection are not available.</summary>
    [Parameter] public int? EscalatedToday { get; set; }

    [Parameter] public int? ReceivedToday { get; set; }

    private static string Format(int? value) => value?.ToString("N0", CultureInfo.CurrentCulture) ?? "—";
}
