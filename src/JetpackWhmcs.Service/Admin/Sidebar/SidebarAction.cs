using System.Text.Json.Nodes;
using JetpackWhmcs.Service.Admin.Endpoint;
using JetpackWhmcs.Service.Admin.Rendering;

namespace JetpackWhmcs.Service.Admin.Sidebar;

/// <summary><c>sidebar</c>: the addon's <c>_sidebar</c>, links to every page of the menu. Read-only.</summary>
public sealed class SidebarAction(AdminRenderer renderer) : IAdminAction
{
    /// <inheritdoc />
    public bool ChangesState(AdminCallBody request) => false;

    /// <inheritdoc />
    public async Task<AdminAnswer> HandleAsync(AdminCallBody request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var html = await renderer.RenderAsync<AdminSidebar>(new Dictionary<string, object?>
        {
            [nameof(AdminSidebar.Links)] = AdminLinks.ForWhmcs(request.ModuleLink),
        });
        return AdminAnswer.Ok(new JsonObject { ["html"] = html });
    }
}
