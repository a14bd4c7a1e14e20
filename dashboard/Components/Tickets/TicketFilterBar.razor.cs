using GuoduActors.Dashboard.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace GuoduActors.Dashboard.Components.Tickets;

/// <summary>A station the reader may filter by.</summary>
public sealed record StationOption(string Id, string Name);

/// <summary>The ticket list's filters: station, status, category, priority, registration dates, overdue and text.</summary>
public sealed partial class TicketFilterBar : ComponentBase
{
    [Inject] private IStringLocalizer<TicketsResource> L { get; set; } = null!;

    [Parameter, EditorRequired] public TicketFilterModel Model { get; set; } = new();
    [Parameter, EditorRequired] public IReadOnlyList<StationOption> Stations { get; set; } = [];
    [Parameter, EditorRequired] public TicketWords Words { get; set; } = null!;

    /// <summary>Staff choose among their own stations; without a choice they see all of them.</summary>
    [Parameter] public bool ScopedToOwnStations { get; set; }

    /// <summary>A problem with the filters as set, shown beneath them.</summary>
    [Parameter] public string? Error { get; set; }

    [Parameter] public EventCallback Changed { get; set; }

    private string AllStationsText => ScopedToOwnStations ? L["MyStations"] : L["AllStations"];

    private IEnumerable<Choice<TicketStatus?>> Statuses =>
        Enum.GetValues<TicketStatus>().Select(s => new Choice<TicketStatus?>(s, Words.Status(s)));

    private IEnumerable<Choice<string>> Categories =>
        Words.Catalogue.Categories.Select(c => new Choice<string>(c.Code, Words.CategoryWithGroup(c)));

    private IEnumerable<Choice<string>> Priorities =>
        Words.Catalogue.PriorityClasses.OrderBy(p => p.Rank).Select(p => new Choice<string>(p.Code, Words.Priority(p.Code)));

    private IEnumerable<Choice<bool?>> OverdueChoices => [new(true, L["OverdueOnly"]), new(false, L["OverdueNot"])];

    private Task ChangedAsync() => Changed.InvokeAsync();

    private Task ResetAsync()
    {
        Model.Reset();
        return Changed.InvokeAsync();
    }
}

/// <summary>One option of a picker: its value and its text in the reader's language.</summary>
public sealed record Choice<T>(T Value, string Text);
