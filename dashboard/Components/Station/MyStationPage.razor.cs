using GuoduActors.Dashboard.Localization;
using GuoduActors.Dashboard.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace GuoduActors.Dashboard.Components.Station;

/// <summary>
/// The station staff's home, <c>/my-station</c>: sends them to their (first) station's page; anyone else is told it is
/// for station staff.
/// </summary>
public sealed partial class MyStationPage : ComponentBase
{
    [Inject] private CurrentActor Current { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;
    [Inject] private IStringLocalizer<OverviewResource> T { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        // The claims list the staff's own station first, then the compounds it covers.
        if (await Current.GetAsync() is { Role: ActorRole.StationStaff, StationScope: [var home, ..] })
            Navigation.NavigateTo($"stations/{Uri.EscapeDataString(home)}", replace: true);
    }
}
