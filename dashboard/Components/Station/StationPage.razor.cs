using System.Globalization;
using GuoduActors.Dashboard.Components.Overview;
using GuoduActors.Dashboard.Localization;
using GuoduActors.Dashboard.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace GuoduActors.Dashboard.Components.Station;

/// <summary>
/// One station at <c>/stations/{id}</c>, the drill-down from the overview and the station staff's home: its counters,
/// its queue with the deadlines at risk in the next 24 hours, its level-2 stations, its weekly reports, inspections and
/// service list. Refreshes when a pushed event concerns the station, one of its children or a ticket in its queue
/// (coalesced like the overview), and every <see cref="RefreshInterval"/> as deadlines come closer without any event.
/// </summary>
/// <remarks>The queue and the inspections need a signed-in reader, as the API's do; the rest is public.</remarks>
public sealed partial class StationPage : LivePage
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan AtRiskWindow = TimeSpan.FromHours(24);

    private string? _loadedFor;
    private StationDetail? _detail;
    private bool _notFound;
    private string? _failure;
    private Actor? _actor;
    // Read on the thread that delivers pushes, replaced whole on each refresh.
    private volatile HashSet<string> _concerns = new(StringComparer.Ordinal);

    [Parameter] public string StationId { get; set; } = "";

    [Inject] private IStationSource Source { get; set; } = null!;
    [Inject] private CurrentActor Current { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;
    [Inject] private IStringLocalizer<OverviewResource> T { get; set; } = null!;
    [Inject] private ILogger<StationPage> Logger { get; set; } = null!;

    private IReadOnlyList<TicketRow> AtRisk { get; set; } = [];

    private IReadOnlyList<StationLoadLine> Children { get; set; } = [];

    private IReadOnlyDictionary<string, string> Names { get; set; } = new Dictionary<string, string>();

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedFor == StationId)
            return;
        _loadedFor = StationId;
        _detail = null;
        _notFound = false;
        _actor ??= await Current.GetAsync();
        await RefreshAsync();
    }

    protected override TimeSpan? SafetyInterval => RefreshInterval;

    protected override bool Concerns(LiveBatch batch)
    {
        var concerns = _concerns;
        return batch.Events.Any(e => concerns.Contains(e.OwnerId) || concerns.Contains(e.StationId) || concerns.Contains(e.TicketId));
    }

    protected override Task RefreshLiveAsync() => RefreshAsync();

    private async Task RefreshAsync()
    {
        var stationId = StationId;
        try
        {
            var detail = await Source.GetAsync(stationId, includeTickets: _actor is not null);
            if (stationId != StationId)
                return;
            _failure = null;
            _notFound = detail is null;
            _detail = detail;
            if (detail is not null)
                Derive(detail);
        }
        catch (Exception e)
        {
            if (_failure is null)
                Logger.LogWarning(e, "Station {Station} could not be read; retrying", stationId);
            _failure = e.Message;
        }
    }

    private void Derive(StationDetail detail)
    {
        var now = detail.AsOf;
        AtRisk = (detail.Queue ?? []).Where(r => r.NextDue is { } due && due > now && due <= now + AtRiskWindow).OrderBy(r => r.NextDue).ToList();
        var all = StationLoadLine.From(detail.AllStations);
        Children = all.Where(l => detail.Children.Any(c => c.Station.Id == l.Id)).ToList();
        Names = detail.Stations.ToDictionary(s => s.Key, s => NameOf(s.Value), StringComparer.Ordinal);
        // A ticket escalated away from this station names only its new owner: watching the queue's ids catches it.
        _concerns = [.. detail.Children.Select(c => c.Station.Id), .. (detail.Queue ?? []).Select(r => r.TicketId), detail.Station.Id];
    }

    private string SignInLink => "signin?returnUrl=" + Uri.EscapeDataString("/" + LinkTo(StationId));

    private static string NameOf(StationInfo station) => DashboardCultures.Pick(station.NameZh, station.NameEn);

    private static string LinkTo(string stationId) => $"stations/{Uri.EscapeDataString(stationId)}";

    private static string Format(long value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
