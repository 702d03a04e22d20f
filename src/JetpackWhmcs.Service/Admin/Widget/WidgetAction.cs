using System.Text.Json.Nodes;
using JetpackWhmcs.Service.Admin.Endpoint;
using JetpackWhmcs.Service.Admin.Rendering;
using JetpackWhmcs.Service.Admin.Summary;

namespace JetpackWhmcs.Service.Admin.Widget;

/// <summary><c>widget</c>: the dashboard widget on WHMCS's admin home (the <c>AdminHomeWidgets</c> hook). Read-only.</summary>
public sealed class WidgetAction(AdminRenderer renderer, IOperatorSummary summary) : IAdminAction
{
    /// <inheritdoc />
    public bool ChangesState(AdminCallBody request) => false;

    /// <inheritdoc />
    public async Task<AdminAnswer> HandleAsync(AdminCallBody request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var figures = await summary.ReadAsync(cancellationToken);
        var html = await renderer.RenderAsync<DashboardWidget>(new Dictionary<string, object?>
        {
            [nameof(DashboardWidget.Figures)] = figures,
            [nameof(DashboardWidget.Links)] = AdminLinks.ForWhmcs(request.ModuleLink),
        });
        return AdminAnswer.Ok(new JsonObject { ["html"] = html });
    }
}
