using System.Globalization;
using GuoduActors.Dashboard.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace GuoduActors.Dashboard.Components.Overview;

/// <summary>The sub-district's headline figures: stations per level, open and received matters.</summary>
public sealed partial class OverviewTotalsPanel : ComponentBase
{
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;

    [Parameter, EditorRequired] public OverviewTotals Totals { get; set; } = null!;

    private static string Format(long value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
