namespace GuoduActors.Grains.Simulation;

/// <summary>How fast matters of one priority class are taken up and settled, as fractions of the class's targets.</summary>
/// <param name="FirstResponseMedian">Median time to first response ÷ the first-response target.</param>
/// <param name="FirstResponseSpread">Log-normal spread of that fraction; the share above 1 is the share answered late.</param>
/// <param name="ResolutionMedian">Median time to resolution ÷ the resolution target.</param>
/// <param name="ResolutionSpread">Log-normal spread of that fraction.</param>
public sealed record ServicePace(double FirstResponseMedian, double FirstResponseSpread, double ResolutionMedian, double ResolutionSpread);

/// <summary>
/// The assumptions behind a simulated history, in one place: the mix of matters, who receives them, their seasons, the
/// week, the festivals, the hours of the day and how quickly stations work. The defaults describe a Xi'an sub-district
/// like Guodu; they are plausible, not measured — nothing here is published data. Categories the catalogue gains later
/// get <see cref="OtherCategoryWeight"/>, no season and generic descriptions.
/// </summary>
public sealed class SimulationProfile
{
    public static SimulationProfile Default { get; } = new();

    /// <summary>
    /// Relative frequency of each category across the sub-district, before the level split. Repairs, property matters
    /// and consultations dominate; emergencies are rare. The fallback category is never generated: desks classify.
    /// </summary>
    public IReadOnlyDictionary<string, double> CategoryWeights { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["burst-pipe"] = 0.8, ["plumbing-drains"] = 7, ["electrical"] = 4, ["gas-leak"] = 0.3, ["gas-appliance"] = 2.5,
        ["heating"] = 3, ["doors-locks"] = 3, ["small-repairs"] = 4,
        ["utility-outage"] = 1.5, ["lift-entrapment"] = 0.3, ["public-facilities"] = 6, ["water-seepage"] = 2.5,
        ["sanitation"] = 5, ["greening"] = 2, ["parking"] = 4, ["noise"] = 3.5, ["property-service"] = 4,
        ["smartphone-help"] = 4, ["smart-devices"] = 1.5, ["parcel-locker"] = 2, ["online-services"] = 3.5,
        ["elderly-urgent-help"] = 0.4, ["elderly-visits"] = 2.5, ["meal-assistance"] = 1.5, ["disability-assistance"] = 0.8,
        ["neighbour-dispute"] = 2.5, ["family-dispute"] = 0.8, ["property-dispute"] = 1.5, ["labour-dispute"] = 0.5,
        ["social-insurance-policy"] = 4.5, ["elderly-care-policy"] = 2.5, ["housing-policy"] = 1.2, ["employment-policy"] = 1.2,
        ["certificates"] = 4.5, ["residence-registration"] = 2, ["social-assistance"] = 1,
        ["fire-hazard"] = 1.2, ["public-order"] = 1.5, ["animal-nuisance"] = 1.2, ["public-health"] = 0.8,
        ["reading-room"] = 0.5, ["culture-sports"] = 1.5, ["calligraphy-painting"] = 0.6, ["counselling"] = 0.5,
        ["home-based-elderly-care"] = 1.2, ["community-groups"] = 0.8, ["suggestions"] = 1.5, ["uncategorised"] = 0,
    };

    /// <summary>Weight of a catalogue category this profile does not list.</summary>
    public double OtherCategoryWeight { get; init; } = 0.5;

    /// <summary>
    /// How much more (or less) often a group's matters come to a community desk (level 1) and to a compound's property
    /// office (level 2): residents take repairs to the property office and papers, policy and disputes to the community.
    /// </summary>
    public IReadOnlyDictionary<string, (double Community, double Compound)> GroupAffinity { get; init; } =
        new Dictionary<string, (double, double)>(StringComparer.Ordinal)
        {
            ["home-repair"] = (0.5, 1.5),
            ["property-environment"] = (0.6, 1.4),
            ["digital-help"] = (1.3, 0.7),
            ["elderly-disability-care"] = (1.3, 0.7),
            ["dispute-mediation"] = (1.2, 0.8),
            ["policy-consultation"] = (1.8, 0.2),
            ["personal-affairs"] = (1.8, 0.2),
            ["neighbourhood-centre"] = (1.7, 0.3),
        };

    /// <summary>
    /// Monthly seasonality (January first) of the categories that have one; each row is scaled to average 1 and days
    /// are interpolated between mid-months. Xi'an heats from 15 November to 15 March; July to September is the rainy
    /// season; summer brings air conditioners, open windows and noise; wage disputes peak before Spring Festival.
    /// </summary>
    public IReadOnlyDictionary<string, double[]> MonthlySeasonality { get; init; } = new Dictionary<string, double[]>(StringComparer.Ordinal)
    {
        ["heating"] = [2.2, 1.6, 0.8, 0.15, 0.1, 0.1, 0.1, 0.1, 0.15, 0.6, 3.0, 2.5],
        ["gas-appliance"] = [1.5, 1.4, 1.1, 0.9, 0.8, 0.7, 0.7, 0.7, 0.8, 1.0, 1.3, 1.5],
        ["gas-leak"] = [1.4, 1.3, 1.1, 0.9, 0.8, 0.8, 0.8, 0.8, 0.9, 1.0, 1.2, 1.4],
        ["burst-pipe"] = [1.8, 1.4, 0.9, 0.7, 0.7, 0.8, 1.0, 1.0, 0.8, 0.7, 0.9, 1.5],
        ["plumbing-drains"] = [0.9, 0.8, 0.9, 0.9, 1.0, 1.1, 1.3, 1.3, 1.1, 1.0, 0.9, 0.9],
        ["water-seepage"] = [0.6, 0.6, 0.7, 0.8, 1.0, 1.2, 1.6, 1.7, 1.4, 1.0, 0.7, 0.6],
        ["electrical"] = [1.0, 0.9, 0.8, 0.8, 0.9, 1.1, 1.4, 1.4, 1.1, 0.9, 0.9, 1.0],
        ["utility-outage"] = [1.1, 0.9, 0.8, 0.8, 0.9, 1.1, 1.4, 1.4, 1.0, 0.8, 0.9, 1.0],
        ["noise"] = [0.7, 0.7, 0.9, 1.0, 1.1, 1.3, 1.5, 1.4, 1.1, 0.9, 0.8, 0.7],
        ["greening"] = [0.3, 0.4, 0.9, 1.5, 1.6, 1.5, 1.3, 1.2, 1.0, 0.8, 0.5, 0.3],
        ["animal-nuisance"] = [0.7, 0.7, 0.9, 1.2, 1.3, 1.3, 1.2, 1.1, 1.0, 0.9, 0.8, 0.7],
        ["sanitation"] = [0.9, 1.1, 0.9, 0.9, 1.0, 1.1, 1.3, 1.3, 1.0, 0.9, 0.9, 0.9],
        ["fire-hazard"] = [1.4, 1.3, 1.0, 0.8, 0.8, 0.8, 0.8, 0.8, 0.9, 1.0, 1.2, 1.3],
        ["elderly-urgent-help"] = [1.3, 1.2, 1.0, 0.9, 0.9, 0.9, 1.0, 1.0, 0.9, 0.9, 1.0, 1.2],
        ["public-health"] = [1.4, 1.3, 1.1, 0.9, 0.8, 0.8, 0.8, 0.8, 0.9, 1.0, 1.1, 1.3],
        ["social-insurance-policy"] = [1.0, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.9, 1.4, 1.5, 1.4, 1.3],
        ["online-services"] = [1.0, 0.8, 0.9, 0.9, 0.9, 1.0, 1.0, 1.0, 1.2, 1.2, 1.1, 1.0],
        ["employment-policy"] = [0.8, 1.6, 1.5, 1.0, 0.9, 1.2, 1.3, 0.9, 0.8, 0.7, 0.7, 0.6],
        ["labour-dispute"] = [2.0, 1.0, 0.8, 0.7, 0.7, 0.7, 0.8, 0.8, 0.8, 0.9, 1.2, 1.8],
        ["family-dispute"] = [1.0, 1.4, 1.2, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 1.1, 0.9, 0.9],
        ["culture-sports"] = [1.3, 0.8, 0.9, 1.0, 1.1, 1.1, 1.2, 1.2, 1.0, 0.9, 0.8, 1.0],
        ["calligraphy-painting"] = [2.2, 1.0, 0.8, 0.8, 0.8, 0.8, 1.2, 1.2, 0.8, 0.8, 0.8, 1.5],
        ["smartphone-help"] = [1.3, 1.2, 1.0, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 1.0, 1.0, 1.1],
    };

    /// <summary>Share of the Spring Festival and National Day dips a category escapes: heating fails, fireworks start fires, whoever is away.</summary>
    public IReadOnlyDictionary<string, double> FestivalResilience { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["heating"] = 0.7, ["gas-leak"] = 0.6, ["gas-appliance"] = 0.5, ["burst-pipe"] = 0.6, ["fire-hazard"] = 0.6,
        ["elderly-urgent-help"] = 0.6, ["lift-entrapment"] = 0.3, ["utility-outage"] = 0.5, ["noise"] = 0.3, ["sanitation"] = 0.3,
    };

    /// <summary>
    /// Volume around Spring Festival (春节) by day relative to the lunar new year: Guodu's many migrant workers and
    /// university students leave. About a third of normal from New Year's Eve to the 6th day; ramps either side.
    /// </summary>
    public Func<int, double> SpringFestivalCurve { get; init; } = day => day switch
    {
        < -14 => 1.0,
        <= -8 => 0.95,
        <= -2 => 0.85 - (day + 7) * 0.07,
        <= 6 => 0.3,
        <= 15 => 0.45 + (day - 7) * 0.06,
        _ => 1.0,
    };

    /// <summary>Volume during the National Day Golden Week (1–7 October), on top of the days off: many travel.</summary>
    public double NationalDayFactor { get; init; } = 0.7;

    /// <summary>
    /// The week at a desk: matters on the business clock (papers, policy) come on working days; field matters (calendar
    /// clock) come every day, a little more when people are at home. A community desk (level 1) is staffed on working
    /// days only, so it receives even less at weekends; a compound's property office is open every day. Make-up
    /// working days (调休) count as working days, public holidays as days off. Each pair averages 1 over a plain week.
    /// </summary>
    public (double Working, double DayOff) BusinessClockDays { get; init; } = (1.26, 0.35);

    /// <inheritdoc cref="BusinessClockDays"/>
    public (double Working, double DayOff) CalendarClockDays { get; init; } = (0.98, 1.05);

    /// <inheritdoc cref="BusinessClockDays"/>
    public (double Working, double DayOff) CommunityDeskDays { get; init; } = (1.1, 0.75);

    /// <summary>Monday brings the weekend's matters, Friday fewer (working days only; averages 1 over Monday–Friday).</summary>
    public IReadOnlyDictionary<DayOfWeek, double> WorkingWeekdayShape { get; init; } = new Dictionary<DayOfWeek, double>
    {
        [DayOfWeek.Monday] = 1.12, [DayOfWeek.Tuesday] = 0.99, [DayOfWeek.Wednesday] = 0.99, [DayOfWeek.Thursday] = 0.98, [DayOfWeek.Friday] = 0.92,
    };

    /// <summary>
    /// Spread of station sizes (log-normal, scaled to average 1): the largest station gets about 1.6 times the average,
    /// the smallest about 0.6. Kept moderate on purpose: a station keeps 800 days of daily counts in its grain state.
    /// </summary>
    public double StationSizeSpread { get; init; } = 0.25;

    /// <summary>Registrations per hour of a working day (China Standard Time): office hours, a lunch dip, calls in the evening.</summary>
    public double[] WorkingDayHours { get; init; } = [0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.6, 1.5, 4, 7, 8, 7, 3.5, 3, 6, 6.5, 6, 5, 3, 2.5, 2, 1.5, 0.8, 0.4];

    /// <summary>Registrations per hour of a day off.</summary>
    public double[] DayOffHours { get; init; } = [0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1.2, 2.5, 4, 5, 5, 4, 3.5, 4, 4.5, 4.5, 4, 3.5, 3, 2.5, 1.8, 1, 0.5];

    /// <summary>Emergencies come at any hour, somewhat more in the day.</summary>
    public double[] EmergencyHours { get; init; } = [1, 0.7, 0.5, 0.5, 0.5, 0.8, 1.5, 2.5, 3, 3.5, 3.5, 3.5, 3, 3, 3, 3, 3, 3.5, 4, 4, 3.5, 3, 2, 1.5];

    /// <summary>Pace by priority class code; a class not listed here is paced like <c>general</c>.</summary>
    public IReadOnlyDictionary<string, ServicePace> Pace { get; init; } = new Dictionary<string, ServicePace>(StringComparer.Ordinal)
    {
        ["emergency"] = new(0.3, 0.7, 0.2, 0.85),
        ["utilities"] = new(0.15, 0.9, 0.25, 0.85),
        ["general"] = new(0.2, 0.8, 0.22, 0.85),
        ["complex"] = new(0.15, 0.9, 0.25, 0.75),
    };

    /// <summary>
    /// After an escalation the higher station pushes: the remaining time is drawn afresh against the new, tighter target
    /// with this median and spread, so few tickets are escalated a second time, to the Small Affairs Office.
    /// </summary>
    public (double Median, double Spread) AfterEscalation { get; init; } = (0.3, 0.65);

    /// <summary>
    /// What reaches the Small Affairs Office is the hardest: it takes longer there, and the office, the top of the
    /// hierarchy, escalates nothing further, so some of its tickets stay overdue.
    /// </summary>
    public (double Median, double Spread) AtTheOffice { get; init; } = (0.6, 0.9);

    /// <summary>Chance that a level-1 desk sends field work (<see cref="FieldWorkGroups"/>) down to one of its compounds.</summary>
    public double RouteFieldWorkToCompound { get; init; } = 0.85;

    /// <summary>Category groups whose matters are settled on site, by a compound's property office.</summary>
    public IReadOnlySet<string> FieldWorkGroups { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "home-repair", "property-environment" };

    /// <summary>Chance that a matter whose skills a volunteer team of the same community has goes to that team.</summary>
    public double RouteToTeam { get; init; } = 0.35;

    /// <summary>Chance that a quick desk matter (business clock, at most an hour of work) is settled on the spot.</summary>
    public double SettledOnTheSpot { get; init; } = 0.4;

    /// <summary>Duplicates and withdrawn matters.</summary>
    public double CancelRate { get; init; } = 0.03;

    /// <summary>Resolutions the resident disputes within the 7-day window.</summary>
    public double ReopenRate { get; init; } = 0.02;

    /// <summary>Resolutions the resident confirms with a rating; the rest stay resolved without one.</summary>
    public double CloseRate { get; init; } = 0.85;

    /// <summary>Rating 1–5 weights when every deadline was met.</summary>
    public double[] RatingsOnTime { get; init; } = [0.003, 0.007, 0.03, 0.16, 0.8];

    /// <summary>Rating weights when a deadline was missed or the ticket escalated.</summary>
    public double[] RatingsLate { get; init; } = [0.04, 0.06, 0.15, 0.3, 0.45];

    /// <summary>Rating weights after the resident had to reopen the matter.</summary>
    public double[] RatingsReopened { get; init; } = [0.12, 0.18, 0.3, 0.25, 0.15];

    /// <summary>What residents say, per category; a category without entries uses its catalogue name.</summary>
    public IReadOnlyDictionary<string, string[]> Descriptions { get; init; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["burst-pipe"] = ["厨房水管爆裂，地面积水", "卫生间进水管接头爆开，水流不止"],
        ["plumbing-drains"] = ["厨房下水道堵塞，污水倒灌", "卫生间地漏返味、下水慢", "洗手池下水管漏水"],
        ["electrical"] = ["客厅插座没电", "开关跳闸后合不上", "楼道照明线路老化冒火花"],
        ["gas-leak"] = ["闻到燃气味，怀疑燃气泄漏"],
        ["gas-appliance"] = ["燃气灶打不着火", "燃气热水器点不着，没有热水"],
        ["heating"] = ["暖气片不热", "暖气管道漏水", "供暖后室温偏低，需要排气"],
        ["doors-locks"] = ["单元门门禁锁坏了", "家门锁芯卡死打不开", "窗户合页松动关不严"],
        ["small-repairs"] = ["老人家里抽油烟机不转", "衣柜门掉了需要修", "洗衣机排水故障"],
        ["utility-outage"] = ["小区突然停水，未见通知", "楼栋停电，电梯停运"],
        ["lift-entrapment"] = ["电梯困人，请立即处置"],
        ["public-facilities"] = ["楼道灯不亮", "小区路灯坏了好几盏", "电梯经常停在某层不动", "门禁刷卡无反应"],
        ["water-seepage"] = ["楼上卫生间渗水到我家天花板", "外墙渗水导致墙面发霉"],
        ["sanitation"] = ["垃圾站满溢未及时清运", "楼道堆放杂物有异味"],
        ["greening"] = ["树枝遮挡窗户需要修剪", "绿化带杂草丛生"],
        ["parking"] = ["车位被长期占用", "消防通道停车堵塞"],
        ["noise"] = ["广场舞音响声音太大", "楼上装修超时施工噪音大", "夜间商铺噪音扰民"],
        ["property-service"] = ["物业保洁不到位", "物业费收费标准有疑问"],
        ["smartphone-help"] = ["老人想学用手机听秦腔", "教老人用微信视频通话", "手机支付不会用"],
        ["smart-devices"] = ["电视机顶盒没有信号", "智能电表充值不会操作"],
        ["parcel-locker"] = ["智能快递柜没有钥匙孔，取不出包裹", "快递柜取件码失效"],
        ["online-services"] = ["帮忙办理养老金资格认证", "网上办理医保缴费不会操作"],
        ["elderly-urgent-help"] = ["独居老人摔倒，请求帮助", "联系不上独居老人，家属求助"],
        ["elderly-visits"] = ["申请为独居老人定期上门探访"],
        ["meal-assistance"] = ["咨询老年助餐点用餐"],
        ["neighbour-dispute"] = ["邻居楼道堆物引发纠纷", "楼上楼下漏水赔偿纠纷"],
        ["property-dispute"] = ["业主与物业就停车收费发生纠纷"],
        ["labour-dispute"] = ["工地拖欠工资，请求协调"],
        ["social-insurance-policy"] = ["咨询城乡居民医保缴费", "咨询灵活就业社保政策"],
        ["elderly-care-policy"] = ["咨询高龄补贴申领"],
        ["certificates"] = ["开具居住证明", "代办老年证"],
        ["residence-registration"] = ["咨询居住证办理"],
        ["fire-hazard"] = ["楼道里电动车充电，有火灾隐患", "楼道堆放纸箱堵塞通道"],
        ["public-order"] = ["小区夜间有陌生人徘徊"],
        ["animal-nuisance"] = ["流浪狗在小区追人", "遛狗不拴绳"],
        ["culture-sports"] = ["报名社区文艺演出", "预约活动室"],
        ["calligraphy-painting"] = ["报名书画班", "写春联活动报名"],
        ["suggestions"] = ["建议增加小区休息座椅", "建议增设充电桩"],
    };

    /// <summary>The label every simulated description starts with, so that lists show it wherever a ticket appears.</summary>
    public const string Label = "【模拟】";
}
