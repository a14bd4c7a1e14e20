using GuoduActors.Dashboard.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace GuoduActors.Dashboard.Components.Teams;

/// <summary>Skills as badges, named as the overview names them.</summary>
public sealed partial class TeamSkills : ComponentBase
{
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;

    [Parameter, EditorRequired] public IReadOnlyList<string> Skills { get; set; } = [];

    // A code the texts do not know yet is still shown rather than hidden.
    private string SkillName(string code) => L["Skill." + code] is { ResourceNotFound: false } name ? name.Value : code;
}
