namespace GuoduActors.Dashboard.Localization;

/// <summary>
/// Texts of the ticket pages and the residents' pages: <c>TicketsResource.resx</c> (Chinese, neutral) and
/// <c>TicketsResource.en.resx</c>, read through <c>IStringLocalizer&lt;TicketsResource&gt;</c>.
/// </summary>
public sealed class TicketsResource;
