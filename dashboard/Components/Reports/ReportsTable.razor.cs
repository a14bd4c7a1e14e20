using GuoduActors.Dashboard.Analytics;
using GuoduActors.Dashboard.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Radzen;

namespace GuoduActors.Dashboard.Components.Reports;

/// <summary>
/// The week's reports as one table: totals at the top level, each expandable to the lines it adds up. Columns follow
/// the CSV export's order of figures; a rate's numerator and denominator are in its tooltip.
/// </summary>
public sealed partial class ReportsTable : ComponentBase
{
    private readonly HashSet<string> _open = new(StringComparer.Ordinal);
    private ReportsModel? _shownModel;

    [Inject] private IStringLocalizer<AnalyticsResource> T { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;

    [Parameter, EditorRequired] public ReportsModel Model { get; set; } = null!;

    /// <summary>Start with every line expanded (a station's staff have only a few).</summary>
    [Parameter] public bool ExpandAll { get; set; }

    private IReadOnlyList<ReportLine> Shown => Model.Top.SelectMany(t => IsOpen(t) ? t.Children.Prepend(t) : [t]).ToList();

    protected override void OnParametersSet()
    {
        // A new week starts from the default; the reader's expansions stay while the same week is shown.
        if (!ReferenceEquals(_shownModel, Model))
        {
            _shownModel = Model;
            SetAll(ExpandAll);
        }
    }

    private bool IsOpen(ReportLine line) => _open.Contains(line.Key);

    private void Toggle(ReportLine line)
    {
        if (!_open.Remove(line.Key))
            _open.Add(line.Key);
    }

    private void SetAll(bool open)
    {
        _open.Clear();
        if (open)
            _open.UnionWith(Model.Top.Where(t => t.Children.Count > 0).Select(t => t.Key));
    }

    private string? RoleLabel(ReportLine line) => line.Role switch
    {
        ReportLineRole.SubDistrictTotal => T["RoleSubDistrictTotal"].Value,
        ReportLineRole.CommunityTotal => T["RoleCommunityTotal"].Value,
        ReportLineRole.OwnFigures => T["RoleOwnFigures"].Value,
        _ => null,
    };

    private string Parts(RateParts parts) => T["RateParts", parts.Numerator, parts.Denominator];

    private static void DescribeRow(RowRenderEventArgs<ReportLine> row)
    {
        if (row.Data is not { } line)
            return;
        row.Attributes["data-station"] = line.StationId;
        row.Attributes["data-kind"] = line.Report.Kind.ToString().ToLowerInvariant();
        row.Attributes["data-depth"] = line.Depth;
    }
}
