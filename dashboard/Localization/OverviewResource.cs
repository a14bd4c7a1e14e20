namespace GuoduActors.Dashboard.Localization;

/// <summary>
/// Marker for the texts of the overview and the station pages: <c>OverviewResource.resx</c> (Chinese, the neutral
/// language) and <c>OverviewResource.en.resx</c> (English), read through <c>IStringLocalizer&lt;OverviewResource&gt;</c>.
/// </summary>
public sealed class OverviewResource;
