using GuoduActors.Dashboard.Localization;
using GuoduActors.Sla;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace GuoduActors.Dashboard.Components.Station;

/// <summary>A compound's standard service list (标准化服务清单): what residents can ask it for, when and whom.</summary>
public sealed partial class ServiceListPanel : ComponentBase
{
    [Inject] private IStringLocalizer<OverviewResource> T { get; set; } = null!;
    [Inject] private Catalogue Catalogue { get; set; } = null!;

    [Parameter, EditorRequired] public IReadOnlyList<ServiceItem> Items { get; set; } = [];
}
