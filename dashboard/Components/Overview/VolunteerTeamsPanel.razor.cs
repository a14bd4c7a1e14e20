using GuoduActors.Dashboard.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace GuoduActors.Dashboard.Components.Overview;

/// <summary>The volunteer teams with their home station, skills and capacity.</summary>
public sealed partial class VolunteerTeamsPanel : ComponentBase
{
    [Parameter, EditorRequired] public IReadOnlyList<TeamLine> Teams { get; set; } = [];

    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;

    // Skills are codes in the roster; a code the texts do not know yet is still shown rather than hidden.
    private string SkillName(string code) => L["Skill." + code] is { ResourceNotFound: false } name ? name.Value : code;
}
