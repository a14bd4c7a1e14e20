namespace GuoduActors.Tests.Dashboard;

/// <summary>
/// A small sub-district: Fenglin community with two compounds (Bolangfeng and a placeholder), a placeholder
/// community without compounds, and two volunteer teams. Placeholder names do not say "placeholder", so a
/// test that finds the mark knows it comes from <c>IsPlaceholder</c>.
/// </summary>
internal static class SampleOverview
{
    /// <summary>10:03:04 in China Standard Time.</summary>
    public static readonly DateTimeOffset AsOf = new(2026, 11, 28, 2, 3, 4, TimeSpan.Zero);

    public static readonly StationInfo Fenglin = new("fenglin", "凤林社区", "Fenglin Community", StationLevel.Community, "guodu", false);
    public static readonly StationInfo Bolangfeng = new("bolangfeng", "铂琅峯小区", "Bolangfeng Compound", StationLevel.Compound, "fenglin", false);
    public static readonly StationInfo Jinxiu = new("compound-02", "锦绣小区", "Jinxiu Compound", StationLevel.Compound, "fenglin", true);
    public static readonly StationInfo Dongfeng = new("community-02", "东风社区", "Dongfeng Community", StationLevel.Community, "guodu", true);

    public static readonly SubDistrictInfo SubDistrict = new("guodu", "郭杜街道", "Guodu Sub-district", "郭杜街道“小事办”", "Guodu Small Affairs Office");

    public static readonly StationInfo Office = new("guodu", SubDistrict.OfficeNameZh, SubDistrict.OfficeNameEn, StationLevel.Office, "", false);

    public static SubDistrictOverview With(
        int fenglinOpen = 0, int bolangfengOpen = 0, int jinxiuOpen = 0, int dongfengOpen = 0, DateTimeOffset? asOf = null,
        int fenglinOverdue = 0, int bolangfengOverdue = 0, int jinxiuOverdue = 0, int dongfengOverdue = 0,
        int officeOpen = 0, int officeOverdue = 0, bool withOffice = false) =>
        new(
            SubDistrict,
            [
                new StationSummary(Fenglin, fenglinOpen, fenglinOpen + 10, fenglinOverdue),
                new StationSummary(Bolangfeng, bolangfengOpen, bolangfengOpen + 20, bolangfengOverdue),
                new StationSummary(Jinxiu, jinxiuOpen, jinxiuOpen, jinxiuOverdue),
                new StationSummary(Dongfeng, dongfengOpen, dongfengOpen, dongfengOverdue),
            ],
            [
                new TeamInfo("haoxiujiang", "“好修匠”服务队", "\"Good Craftsman\" Repair Team", "fenglin", ["plumbing", "electrical"], 4, false),
                new TeamInfo("team-02", "夕阳红服务队", "Sunset Glow Team", "community-02", ["census"], 2, true),
            ],
            asOf ?? AsOf,
            withOffice || officeOpen > 0 ? new StationSummary(Office, officeOpen, 0, officeOverdue) : null);
}
