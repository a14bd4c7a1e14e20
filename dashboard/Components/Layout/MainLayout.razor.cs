using Microsoft.AspNetCore.Components;

namespace GuoduActors.Dashboard.Components.Layout;

public sealed partial class MainLayout : LayoutComponentBase
{
    /// <summary>Radzen folds the sidebar away on narrow screens (a 768-px tablet); the toggle brings the menu back.</summary>
    private bool SidebarExpanded { get; set; } = true;

    private void ToggleSidebar() => SidebarExpanded = !SidebarExpanded;
}
