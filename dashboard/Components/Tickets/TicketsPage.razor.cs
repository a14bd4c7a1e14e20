using GuoduActors.Dashboard.Localization;
using GuoduActors.Dashboard.Services;
using GuoduActors.Dashboard.Services.Tickets;
using GuoduActors.Sla;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Radzen;
using Radzen.Blazor;

namespace GuoduActors.Dashboard.Components.Tickets;

/// <summary>
/// The ticket list at <c>/tickets</c>: filters, and a grid paged and sorted by the server from the query projection
/// (<see cref="TicketList"/>, as the HTTP API), limited to the reader's stations. A push about any ticket reloads the
/// page the reader is on, coalesced as every <see cref="LivePage"/>.
/// </summary>
public sealed partial class TicketsPage : LivePage
{
    public const int PageSize = 20;
    private static readonly int[] PageSizes = [10, 20, 50, 100];

    private readonly TicketFilterModel _filters = new();
    private RadzenDataGrid<TicketRow>? _grid;
    // Null until the first load: the grid calls LoadData by itself only while it has no data.
    private IReadOnlyList<TicketRow>? _rows;
    private IReadOnlyList<StationOption> _stations = [];
    private TicketWords? _words;
    private Actor? _viewer;
    private bool _ready;
    private bool _loading;
    private int _total;
    private string? _failure;
    private string? _filterError;

    [Inject] private ITicketQueries Queries { get; set; } = null!;
    [Inject] private ITicketDirectory Directory { get; set; } = null!;
    [Inject] private CurrentActor Current { get; set; } = null!;
    [Inject] private Catalogue Catalogue { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IStringLocalizer<TicketsResource> L { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> Shared { get; set; } = null!;
    [Inject] private ILogger<TicketsPage> Logger { get; set; } = null!;

    // Other pages link here with filters set, e.g. /tickets?station=fenglin&overdue=true.
    [SupplyParameterFromQuery(Name = "station")] public string? StationFilter { get; set; }
    [SupplyParameterFromQuery(Name = "status")] public string? StatusFilter { get; set; }
    [SupplyParameterFromQuery(Name = "category")] public string? CategoryFilter { get; set; }
    [SupplyParameterFromQuery(Name = "priority")] public string? PriorityFilter { get; set; }
    [SupplyParameterFromQuery(Name = "overdue")] public bool? OverdueFilter { get; set; }
    [SupplyParameterFromQuery(Name = "q")] public string? TextFilter { get; set; }

    private DateTimeOffset Now => Time.GetUtcNow();

    private TicketWords Words => _words!;

    private string SignInPath => $"signin?returnUrl={Uri.EscapeDataString("/" + Navigation.ToBaseRelativePath(Navigation.Uri))}";

    protected override async Task OnInitializedAsync()
    {
        _filters.Station = StationFilter;
        _filters.Status = Enum.TryParse<TicketStatus>(StatusFilter, ignoreCase: true, out var status) && Enum.IsDefined(status) ? status : null;
        _filters.Category = CategoryFilter;
        _filters.Priority = PriorityFilter;
        _filters.Overdue = OverdueFilter;
        _filters.Text = TextFilter;
        // A link that sets filters (e.g. a station's overdue tickets) means them whatever their age; a plain /tickets
        // starts with the recent days. Resetting returns to those days either way.
        _filters.UseDefaultWindow(Time.GetUtcNow(), apply: _filters.IsEmpty);

        _viewer = await Current.GetAsync();
        Roster? roster = null;
        try
        {
            roster = await Directory.GetRosterAsync();
        }
        catch (Exception e)
        {
            // Names fall back to ids; the list itself still works.
            Logger.LogWarning(e, "The roster could not be read for the ticket list");
        }
        _words = new TicketWords(L, Shared, Catalogue, roster);
        _stations = StationsFor(_viewer, roster, _words);
        if (_viewer?.Role == ActorRole.StationStaff && _filters.Station is { } chosen && !_viewer.Manages(chosen))
            _filters.Station = null;
        _ready = true;
    }

    protected override bool Concerns(LiveBatch batch) => batch.Events.Count > 0;

    protected override async Task RefreshLiveAsync()
    {
        if (_grid is not null)
            await _grid.Reload();
    }

    /// <summary>
    /// The list query for the grid's request: its page (skip/top) and its sort column, mapped to the orders the
    /// projection query knows. No sort means newest first, as the API's default.
    /// </summary>
    public static TicketListQuery ToQuery(LoadDataArgs args, TicketFilterModel filters, int defaultPageSize = PageSize)
    {
        var sort = args.Sorts?.FirstOrDefault(s => SortOf(s.Property) is not null);
        return filters.ToQuery(args.Skip ?? 0, args.Top ?? defaultPageSize,
            sort is null ? TicketSort.RegisteredAt : SortOf(sort.Property)!.Value,
            sort is null || sort.SortOrder == SortOrder.Descending);
    }

    private static TicketSort? SortOf(string? property) => property switch
    {
        nameof(TicketRow.RegisteredAt) => TicketSort.RegisteredAt,
        nameof(TicketRow.NextDue) => TicketSort.Due,
        nameof(TicketRow.UpdatedAt) => TicketSort.UpdatedAt,
        nameof(TicketRow.Status) => TicketSort.Status,
        nameof(TicketRow.OwnerId) => TicketSort.Station,
        _ => null,
    };

    private async Task LoadDataAsync(LoadDataArgs args)
    {
        if (_viewer is null)
            return;
        var query = ToQuery(args, _filters);
        _filterError = FilterError(query);
        if (_filterError is not null)
            return;
        _loading = true;
        try
        {
            var page = await Queries.ListAsync(_viewer, query);
            _rows = page.Items;
            _total = page.Total;
            _failure = null;
        }
        catch (Exception e)
        {
            // A refusal or an unreachable store: say so above the grid and keep the page usable.
            _failure = e.Message;
            _rows = [];
            _total = 0;
            if (e is not DomainRefusalException)
                Logger.LogWarning(e, "The ticket list could not be read");
        }
        finally
        {
            _loading = false;
        }
    }

    private string? FilterError(TicketListQuery query)
    {
        var errors = query.Validate();
        if (errors.ContainsKey("to"))
            return L["DateRangeInvalid"];
        if (errors.ContainsKey("q"))
            return L["TextTooLong", TicketListQuery.MaxTextLength];
        return null;
    }

    private async Task FiltersChangedAsync()
    {
        if (_grid is not null)
            await _grid.FirstPage(true);
    }

    private void DescribeRow(RowRenderEventArgs<TicketRow> row)
    {
        if (row.Data is not { } ticket)
            return;
        row.Attributes["data-ticket"] = ticket.TicketId;
        if (ticket.IsOverdue(Now))
            row.Attributes["data-overdue"] = "true";
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 59), "…");

    /// <summary>Leaders and planners filter by any station (the office included); staff by their own.</summary>
    private static IReadOnlyList<StationOption> StationsFor(Actor? viewer, Roster? roster, TicketWords words)
    {
        if (viewer is null)
            return [];
        if (viewer.Role == ActorRole.StationStaff)
            return viewer.StationScope.Select(id => new StationOption(id, words.Station(id))).ToList();
        if (roster is null)
            return [];
        return roster.Stations.Select(s => s.Id).Prepend(roster.SubDistrict.Id).Select(id => new StationOption(id, words.Station(id))).ToList();
    }
}
