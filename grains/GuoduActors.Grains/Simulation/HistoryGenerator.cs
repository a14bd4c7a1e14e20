using System.Collections.Concurrent;
using GuoduActors.Grains.Sla;
using GuoduActors.Sla;

namespace GuoduActors.Grains.Simulation;

/// <summary>
/// Generates a realistic simulated history of small matters for a roster: pure, no I/O, and deterministic — the same
/// roster, SLA data, profile and plan always give the same tickets (on the same runtime). Serves the product's first-run
/// seeding, the tests and the benchmarks alike.
/// </summary>
/// <remarks>
/// <para>
/// <b>Volumes.</b> The expected number of matters of a category at a station on a day is the plan's tickets per station
/// and day × the station's size × the category's share at the station's level × the category's season × the day's
/// factor (working day or day off, by the category's clock and the station's level, with make-up working days as
/// working days) × the festival factor (Spring Festival, National Day). The count is a Poisson draw from it.
/// </para>
/// <para>
/// <b>Each ticket</b> is registered at an hour weighted to office hours, classified and routed (a community desk sends
/// field work to one of its compounds; a matter a volunteer team of the same community has the skills for may go to
/// that team), answered and resolved after times drawn against its priority class's targets on its category's clock,
/// so most meet them and a tail does not. A missed deadline escalates exactly as the stations do: one level up, the
/// priority raised, a new deadline; a level-1 station's miss goes to the Small Affairs Office, which escalates no
/// further. A few tickets are cancelled, a few reopened and resolved again; most are confirmed with a rating of 4 or 5,
/// lower when they were late.
/// </para>
/// <para>
/// <b>The end</b> of the history (<see cref="SimulationPlan.Until"/>) cuts every ticket where it stands. Tickets
/// registered more than <see cref="OpenWindow"/> before it are always finished by then; a ticket still open at the end
/// keeps its timeline and deadlines (some already passed) and is meant to live on in a ticket grain. Open tickets are
/// never with a volunteer team: a team's job needs the team's consent.
/// </para>
/// </remarks>
public sealed class HistoryGenerator
{
    /// <summary>The longest history: the stations keep 800 days of daily counts.</summary>
    public const int MaxDays = 800;

    public const double MaxDailyTicketsPerStation = 50;

    /// <summary>Tickets registered longer ago than this before the end are finished by the end.</summary>
    public static readonly TimeSpan OpenWindow = TimeSpan.FromDays(10);

    /// <summary>The name every simulated resident has.</summary>
    public const string ResidentName = "模拟居民";

    public const string CancelReason = "重复登记或居民撤回（模拟）";

    private readonly SimulationProfile _profile;
    private readonly StationModel[] _stations;
    private readonly CategoryModel[] _categories;
    private readonly Dictionary<string, StationModel> _stationsById;
    private readonly Dictionary<string, CategoryModel> _categoriesByCode;

    public HistoryGenerator(Roster roster, SlaPolicy sla, SimulationProfile? profile = null)
    {
        _profile = profile ?? SimulationProfile.Default;
        Roster = roster;
        Sla = sla;
        _categories = [.. sla.Catalogue.Categories.Select(BuildCategory).Where(c => c.Weight > 0)];
        if (_categories.Length == 0)
            throw new ArgumentException("The profile gives no catalogue category a weight above 0.", nameof(profile));
        _categoriesByCode = _categories.ToDictionary(c => c.Category.Code, StringComparer.Ordinal);
        _stations = BuildStations(roster);
        _stationsById = _stations.ToDictionary(s => s.Info.Id, StringComparer.Ordinal);
    }

    public Roster Roster { get; }

    public SlaPolicy Sla { get; }

    internal SimulationProfile Profile => _profile;

    /// <summary>A plan whose history ends at 00:00 China Standard Time of the day of <paramref name="now"/> and covers the <paramref name="days"/> days before.</summary>
    public static SimulationPlan PlanEndingOn(DateTimeOffset now, int days, int seed, double dailyTicketsPerStation)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TicketIds.ChinaStandardTime).DateTime);
        return new SimulationPlan(seed, today.AddDays(-days), Midnight(today), dailyTicketsPerStation);
    }

    /// <summary>A station's size relative to the average station (1); fixed per station id, whatever the seed.</summary>
    public double StationSize(string stationId) => _stationsById[stationId].Size;

    /// <summary>
    /// The category's share of all matters before seasons, weekdays and festivals: its weight at each station's level,
    /// weighted by station size. What the generated mix approaches over whole years.
    /// </summary>
    public double ConfiguredShare(string categoryCode)
    {
        if (!_categoriesByCode.TryGetValue(categoryCode, out var category))
            return 0;
        return _stations.Sum(s => s.Size * category.Share(s.Level)) / _stations.Sum(s => s.Size);
    }

    /// <summary>The expected number of matters of a category registered at a station on a day (China Standard Time).</summary>
    public double ExpectedVolume(string stationId, string categoryCode, DateOnly day, double dailyTicketsPerStation) =>
        _stationsById.TryGetValue(stationId, out var station) && _categoriesByCode.TryGetValue(categoryCode, out var category)
            ? dailyTicketsPerStation * Mean(station, category, DescribeDay(day))
            : 0;

    /// <summary>The expected number of matters registered on a day at the stations <paramref name="stations"/> picks (all by default).</summary>
    public double ExpectedVolume(DateOnly day, double dailyTicketsPerStation, Func<StationInfo, bool>? stations = null)
    {
        var model = DescribeDay(day);
        return _stations.Where(s => stations?.Invoke(s.Info) ?? true)
            .Sum(s => _categories.Sum(c => dailyTicketsPerStation * Mean(s, c, model)));
    }

    /// <summary>Generates the history of <paramref name="plan"/>; days run in parallel, the result does not depend on it.</summary>
    public SimulatedHistory Generate(SimulationPlan plan)
    {
        if (plan.Days is < 1 or > MaxDays)
            throw new ArgumentOutOfRangeException(nameof(plan), $"A simulated history covers 1 to {MaxDays} days, not {plan.Days}.");
        if (plan.DailyTicketsPerStation is not (> 0 and <= MaxDailyTicketsPerStation))
            throw new ArgumentOutOfRangeException(nameof(plan), $"Tickets per station and day must be above 0 and at most {MaxDailyTicketsPerStation}.");

        var days = new List<SimulatedTicket>[plan.Days];
        var resolutions = new ConcurrentBag<(string Station, DateOnly Day, string Category)>();
        Parallel.For(0, plan.Days, i =>
        {
            var day = plan.FirstDay.AddDays(i);
            days[i] = GenerateDay(day, plan, resolutions);
        });
        var tickets = days.SelectMany(d => d).ToList();
        return new SimulatedHistory(plan, tickets, CountDaily(tickets, resolutions));
    }

    private List<SimulatedTicket> GenerateDay(DateOnly day, SimulationPlan plan, ConcurrentBag<(string, DateOnly, string)> resolutions)
    {
        var model = DescribeDay(day);
        var lives = new List<TicketLife>();
        foreach (var station in _stations)
        {
            var random = new SimulationRandom(SimulationRandom.Combine((ulong)plan.Seed, station.Hash, (ulong)day.DayNumber));
            foreach (var category in _categories)
            {
                var count = random.Poisson(plan.DailyTicketsPerStation * Mean(station, category, model));
                for (var k = 0; k < count; k++)
                {
                    var seed = random.NextUInt64();
                    var life = TicketLife.Run(this, station, category, model, seed, plan.Until, allowTeams: true);
                    // A team's job needs its consent: a ticket still open at the end goes the way it would without teams.
                    if (life.IsOpen && life.TeamId is not null)
                        life = TicketLife.Run(this, station, category, model, seed, plan.Until, allowTeams: false);
                    lives.Add(life);
                }
            }
        }

        var dayKey = day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var tickets = new List<SimulatedTicket>(lives.Count);
        var number = 0;
        // Numbered in order of registration, like live ids; the sort is stable, so ties keep the generation order.
        foreach (var life in lives.OrderBy(l => l.RegisteredAt))
        {
            number++;
            var id = life.IsOpen ? TicketIds.Format(dayKey, number) : SimulatedTickets.Format(dayKey, number);
            tickets.Add(life.ToTicket(id));
            foreach (var resolution in life.Resolutions)
                resolutions.Add((resolution.OwnerId, DayOf(resolution.At), life.Category.Category.Code));
        }
        return tickets;
    }

    private static Dictionary<string, IReadOnlyList<DailyCount>> CountDaily(
        IEnumerable<SimulatedTicket> tickets, IEnumerable<(string Station, DateOnly Day, string Category)> resolutions)
    {
        var tallies = new Dictionary<(string Station, DateOnly Day, string Category), (int Received, int Resolved)>();
        foreach (var ticket in tickets)
        {
            var key = (ticket.Row.StationId, DayOf(ticket.Row.RegisteredAt), ticket.Row.CategoryCode!);
            var tally = tallies.GetValueOrDefault(key);
            tallies[key] = (tally.Received + 1, tally.Resolved);
        }
        foreach (var key in resolutions)
        {
            var tally = tallies.GetValueOrDefault(key);
            tallies[key] = (tally.Received, tally.Resolved + 1);
        }
        return tallies
            .GroupBy(t => t.Key.Station, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<DailyCount>)g
                .Select(t => new DailyCount(t.Key.Day, t.Key.Category, t.Value.Received, t.Value.Resolved))
                .OrderBy(c => c.Day).ThenBy(c => c.CategoryCode, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
    }

    private double Mean(StationModel station, CategoryModel category, DayModel day)
    {
        var (working, dayOff) = category.Category.Clock == ClockKind.Business ? _profile.BusinessClockDays : _profile.CalendarClockDays;
        var week = day.Working ? working * _profile.WorkingWeekdayShape.GetValueOrDefault(day.Date.DayOfWeek, 1.0) : dayOff;
        if (station.Level == StationLevel.Community)
            week *= day.Working ? _profile.CommunityDeskDays.Working : _profile.CommunityDeskDays.DayOff;
        var festival = 1 - (1 - day.Festival) * (1 - category.Resilience);
        return station.Size * category.Share(station.Level) * category.Season(day.SeasonIndex, day.SeasonFraction) * week * festival;
    }

    private DayModel DescribeDay(DateOnly day)
    {
        var springFestival = ChineseHolidays.SpringFestival(day.Year);
        var fromSpringFestival = day.DayNumber - springFestival.DayNumber;
        var nationalDay = day is { Month: 10, Day: <= 7 };
        var working = Sla.Holidays.IsWorkingDay(day);
        // A year without its holiday file still has its two great breaks; the ordinary ones are unknown.
        if (!Sla.Holidays.Covers(day.Year) && (nationalDay || fromSpringFestival is >= -1 and <= 6))
            working = false;
        var festival = _profile.SpringFestivalCurve(fromSpringFestival) * (nationalDay ? _profile.NationalDayFactor : 1.0);

        // Months are interpolated between their middles: position 0 is mid-January, 11 mid-December.
        var daysInYear = DateTime.IsLeapYear(day.Year) ? 366.0 : 365.0;
        var position = (day.DayOfYear - 0.5) / daysInYear * 12 - 0.5;
        var index = (int)Math.Floor(position);
        return new DayModel(day, working, festival, (index + 12) % 12, position - index);
    }

    private CategoryModel BuildCategory(ServiceCategory category)
    {
        var weight = category.Code == Sla.Catalogue.FallbackCategoryCode
            ? _profile.CategoryWeights.GetValueOrDefault(category.Code, 0)
            : _profile.CategoryWeights.GetValueOrDefault(category.Code, _profile.OtherCategoryWeight);
        var season = _profile.MonthlySeasonality.TryGetValue(category.Code, out var months) && months.Length == 12 ? months : [.. Enumerable.Repeat(1.0, 12)];
        var mean = season.Average();
        var priority = Sla.Catalogue.PriorityClassOf(category);
        var texts = _profile.Descriptions.TryGetValue(category.Code, out var known) && known.Length > 0 ? known : [category.NameZh];
        return new CategoryModel(
            category, priority, Sla.Clock(category.Clock), weight,
            _profile.GroupAffinity.GetValueOrDefault(category.Group, (1.0, 1.0)),
            [.. season.Select(m => m / mean)],
            _profile.FestivalResilience.GetValueOrDefault(category.Code, 0),
            [.. texts.Select(t => SimulationProfile.Label + t)],
            _profile.Pace.GetValueOrDefault(priority.Code) ?? _profile.Pace.GetValueOrDefault("general") ?? new ServicePace(0.2, 0.9, 0.25, 0.9));
    }

    private StationModel[] BuildStations(Roster roster)
    {
        var byId = roster.Stations.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var raw = roster.Stations
            .Where(s => s.Level != StationLevel.Office)
            .Select(s => (Info: s, Size: new SimulationRandom(SimulationRandom.Hash("size:" + s.Id)).LogNormal(1, _profile.StationSizeSpread)))
            .ToList();
        var meanSize = raw.Count == 0 ? 1 : raw.Average(r => r.Size);
        var stations = raw.Select(r =>
        {
            var community = r.Info.Level == StationLevel.Community ? r.Info.Id : r.Info.ParentId;
            var teams = roster.Teams.Where(t => CommunityOf(t.HomeStationId) == community).ToList();
            return new StationModel(r.Info, r.Size / meanSize, SimulationRandom.Hash(r.Info.Id),
                roster.Stations.Where(c => c.ParentId == r.Info.Id && c.Level == StationLevel.Compound).Select(c => c.Id).ToArray(), teams);
        }).ToArray();

        // Normalise each level's category shares so that a plain day brings a station about its size in matters.
        var communityTotal = _categories.Sum(c => c.Weight * c.Affinity.Community);
        var compoundTotal = _categories.Sum(c => c.Weight * c.Affinity.Compound);
        foreach (var category in _categories)
            category.Normalise(communityTotal, compoundTotal);
        return stations;

        string? CommunityOf(string stationId) => byId.TryGetValue(stationId, out var s) ? s.Level == StationLevel.Community ? s.Id : s.ParentId : null;
    }

    internal static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TicketIds.ChinaStandardTime).DateTime);

    internal static DateTimeOffset Midnight(DateOnly day) => At(day, TimeOnly.MinValue);

    internal static DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, TicketIds.ChinaStandardTime.GetUtcOffset(local)).ToUniversalTime();
    }

    internal StationModel? StationOrNull(string id) => _stationsById.GetValueOrDefault(id);

    internal sealed record StationModel(StationInfo Info, double Size, ulong Hash, string[] Compounds, IReadOnlyList<TeamInfo> Teams)
    {
        public StationLevel Level => Info.Level;
    }

    internal sealed record DayModel(DateOnly Date, bool Working, double Festival, int SeasonIndex, double SeasonFraction);

    internal sealed class CategoryModel(
        ServiceCategory category, PriorityClass priority, IServiceClock clock, double weight, (double Community, double Compound) affinity,
        double[] season, double resilience, string[] descriptions, ServicePace pace)
    {
        private double _communityShare;
        private double _compoundShare;

        public ServiceCategory Category { get; } = category;
        public PriorityClass Priority { get; } = priority;
        public IServiceClock Clock { get; } = clock;
        public double Weight { get; } = weight;
        public (double Community, double Compound) Affinity { get; } = affinity;
        public double Resilience { get; } = resilience;
        public string[] Descriptions { get; } = descriptions;
        public ServicePace Pace { get; } = pace;

        public double Share(StationLevel level) => level == StationLevel.Community ? _communityShare : _compoundShare;

        public double Season(int index, double fraction) => season[index] + (season[(index + 1) % 12] - season[index]) * fraction;

        public void Normalise(double communityTotal, double compoundTotal)
        {
            _communityShare = communityTotal > 0 ? Weight * Affinity.Community / communityTotal : 0;
            _compoundShare = compoundTotal > 0 ? Weight * Affinity.Compound / compoundTotal : 0;
        }
    }
}
