using System.Text.Json.Nodes;
using JetpackWhmcs.Service.Admin.Endpoint;
using JetpackWhmcs.Service.Admin.Rendering;
using JetpackWhmcs.Service.Admin.Summary;

namespace JetpackWhmcs.Service.Admin.Widget;

/// <summary>
/// <c>widget</c>: the dashboard widget on WHMCS's admin home (the <c>AdminHomeWidgets</c> hook). Read-only.
/// The hook runs for every admin, so the figures are shown only to admins the addon's Access Control lets in.
/// </summary>
public sealed class WidgetAction(AdminRenderer renderer, IOperatorSummary summary, AddonAccess access) : IAdminAction
{
    /// <inheritdoc />
    public bool ChangesState(AdminCallBody request) => false;

    /// <inheritdoc />
    public async Task<AdminAnswer> HandleAsync(AdminCallBody request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await access.AllowsAsync(request.Admin, cancellationToken))
        {
            var refused = await renderer.RenderAsync<WidgetNoAccess>(new Dictionary<string, object?>());
            return AdminAnswer.Ok(new JsonObject { ["html"] = refused });
        }

        var figures = await summary.ReadAsync(cancellationToken);
        var html = await renderer.RenderAsync<DashboardWidget>(new Dictionary<string, object?>
        {
            [nameof(DashboardWidget.Figures)] = figures,
            [nameof(DashboardWidget.Links)] = AdminLinks.ForWhmcs(request.ModuleLink),
        });
        return AdminAnswer.Ok(new JsonObject { ["html"] = html });
    }
}
