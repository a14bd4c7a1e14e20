using System.Globalization;
using System.Text.Json.Nodes;
using GuoduActors.Sla;

namespace GuoduActors.Silo.Open311;

/// <summary>The language of names and notes in Open311 output: Chinese unless the client asks for English.</summary>
internal enum Open311Language
{
    Chinese,
    English,
}

/// <summary>
/// What the Open311 resources describe, in GeoReport terms: the catalogue's categories as services, the roster's
/// stations as the agencies responsible and as the values of the <c>station</c> attribute.
/// </summary>
internal sealed class Open311Site(GuoduActors.Roster roster, Catalogue catalogue, Open311Options options, string changeset)
{
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";
    public const string StationAttribute = "station";

    private readonly Dictionary<string, StationInfo> _stations = roster.Stations.ToDictionary(s => s.Id, StringComparer.Ordinal);

    public Open311Options Options => options;
    public Catalogue Catalogue => catalogue;
    public string Changeset => changeset;
    public string JurisdictionId => roster.SubDistrict.Id;

    /// <summary>
    /// <c>?locale=</c> first (<c>en</c>, <c>en-US</c>… mean English; anything else Chinese), then the client's most
    /// preferred Accept-Language; Chinese when neither asks for English. The dashboard's culture cookie plays no part:
    /// Open311 clients are programs, not the office's browsers.
    /// </summary>
    public static Open311Language LanguageOf(HttpRequest request)
    {
        var locale = request.Query["locale"].ToString();
        if (locale.Length == 0)
            locale = request.GetTypedHeaders().AcceptLanguage
                .Where(l => l.Quality is not 0).OrderByDescending(l => l.Quality ?? 1).FirstOrDefault()?.Value.Value ?? "";
        return locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Open311Language.English : Open311Language.Chinese;
    }

    /// <summary>A station that can register tickets (a level-1 or level-2 desk, not the office), or <c>null</c>.</summary>
    public StationInfo? DeskStation(string id) => _stations.TryGetValue(id, out var s) && s.Level != StationLevel.Office ? s : null;

    /// <summary>An optional jurisdiction_id must name this sub-district (the spec lets a one-jurisdiction server ignore it; a wrong one is a client bug worth reporting).</summary>
    public string? CheckJurisdiction(string? jurisdictionId) =>
        string.IsNullOrEmpty(jurisdictionId) || jurisdictionId == JurisdictionId
            ? null
            : $"jurisdiction_id '{jurisdictionId}' was not found: this endpoint serves '{JurisdictionId}' only.";

    public string AgencyName(string ownerId, Open311Language language) =>
        _stations.TryGetValue(ownerId, out var s) ? Pick(language, s.NameZh, s.NameEn)
        : ownerId == roster.SubDistrict.Id ? Pick(language, roster.SubDistrict.OfficeNameZh, roster.SubDistrict.OfficeNameEn)
        : ownerId;

    public JsonObject Service(ServiceCategory category, Open311Language language)
    {
        var group = catalogue.Groups.First(g => g.Code == category.Group);
        var priority = catalogue.PriorityClassOf(category);
        return new JsonObject
        {
            ["service_code"] = category.Code,
            ["service_name"] = Pick(language, category.NameZh, category.NameEn),
            ["description"] = Targets(category, language),
            // Every service takes the optional station attribute, which a client only learns from the definition.
            ["metadata"] = true,
            ["type"] = "realtime",
            // Codes only: names may hold commas, and keywords are a comma-separated list.
            ["keywords"] = string.Join(", ", category.Code, group.Code, priority.Code),
            ["group"] = Pick(language, group.NameZh, group.NameEn),
        };
    }

    public JsonObject Definition(ServiceCategory category, Open311Language language) => new()
    {
        ["service_code"] = category.Code,
        ["attributes"] = new JsonArray(new JsonObject
        {
            ["variable"] = true,
            ["code"] = StationAttribute,
            ["datatype"] = "singlevaluelist",
            ["required"] = false,
            ["datatype_description"] = Pick(language, "服务站编号", "A station id"),
            ["order"] = 1,
            ["description"] = Pick(language,
                $"受理的家门口服务站；不选则由{AgencyName(options.DefaultStationId, language)}登记并分派。",
                $"The doorstep service station that takes the request; without one, {AgencyName(options.DefaultStationId, language)} registers and routes it."),
            ["values"] = new JsonArray([.. roster.Stations.Where(s => s.Level != StationLevel.Office).Select(s => (JsonNode)new JsonObject
            {
                ["key"] = s.Id,
                ["name"] = Pick(language, s.NameZh, s.NameEn),
            })]),
        }),
    };

    /// <summary>Open311's two statuses: open until the matter is resolved, closed or cancelled (<see cref="TicketRow.IsOpen"/>).</summary>
    public static string Status(bool isOpen) => isOpen ? "open" : "closed";

    public static string StatusNotes(TicketStatus status, Open311Language language) => status switch
    {
        TicketStatus.Registered => Pick(language, "已登记，等待分类。", "Registered; waiting to be classified."),
        TicketStatus.Classified => Pick(language, "已分类，等待派单。", "Classified; waiting to be assigned."),
        TicketStatus.Assigned => Pick(language, "已派给服务站或志愿服务队。", "Assigned to a station or a volunteer team."),
        TicketStatus.InProgress => Pick(language, "正在办理。", "Being handled."),
        TicketStatus.WaitingOnResident => Pick(language, "等待居民回复，办理时限暂停。", "Waiting for the resident; the deadlines are paused."),
        TicketStatus.Resolved => Pick(language, "已办结，等待居民确认。", "Resolved; waiting for the resident's confirmation."),
        TicketStatus.Closed => Pick(language, "居民已确认办结。", "Closed: the resident confirmed the resolution."),
        TicketStatus.Reopened => Pick(language, "居民对办理结果有异议，已重新办理。", "Reopened at the resident's request."),
        TicketStatus.Cancelled => Pick(language, "已撤销（重复或撤回）。", "Cancelled (a duplicate or withdrawn)."),
        _ => status.ToString(),
    };

    /// <summary>What the resident can expect: who handles the matter and by when, while it is open and has a deadline.</summary>
    public string? ServiceNotice(string ownerId, bool isOpen, DateTimeOffset? resolutionDue, Open311Language language)
    {
        if (!isOpen || resolutionDue is not { } due)
            return null;
        var local = TimeZoneInfo.ConvertTime(due, TicketIds.ChinaStandardTime).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var agency = AgencyName(ownerId, language);
        return Pick(language, $"{agency}受理，预计 {local} 前办结。", $"{agency} handles this and expects to resolve it by {local} (China Standard Time).");
    }

    private string Targets(ServiceCategory category, Open311Language language)
    {
        var group = catalogue.Groups.First(g => g.Code == category.Group);
        var priority = catalogue.PriorityClassOf(category);
        var business = category.Clock == ClockKind.Business;
        var (response, resolution) = (Duration(priority.FirstResponse, business, language), Duration(priority.Resolution, business, language));
        return Pick(language,
            $"{group.NameZh}｜{priority.NameZh}：{response}内响应，{resolution}内办结（{(business ? "按工作时间计" : "全天候计时")}）。",
            $"{group.NameEn} · {priority.NameEn}: first response within {response}, resolved within {resolution} ({(business ? "office hours on working days" : "around the clock")}).");
    }

    /// <summary>A target as the catalogue states it: whole days (working days on the business clock), else hours.</summary>
    private static string Duration(TimeSpan target, bool business, Open311Language language)
    {
        if (target.Ticks % TimeSpan.TicksPerDay == 0)
        {
            var days = (int)target.TotalDays;
            return Pick(language, business ? $"{days}个工作日" : $"{days}天",
                business ? $"{days} working day{(days == 1 ? "" : "s")}" : $"{days} day{(days == 1 ? "" : "s")}");
        }
        var hours = target.TotalHours.ToString("0.#", CultureInfo.InvariantCulture);
        return Pick(language, business ? $"{hours}个工作小时" : $"{hours}小时",
            business ? $"{hours} office hour{(hours == "1" ? "" : "s")}" : $"{hours} hour{(hours == "1" ? "" : "s")}");
    }

    public static string Pick(Open311Language language, string chinese, string english) =>
        language == Open311Language.English ? english : chinese;
}
