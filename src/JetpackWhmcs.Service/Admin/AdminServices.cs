using JetpackWhmcs.Service.Admin.Endpoint;
using JetpackWhmcs.Service.Admin.Pages;
using JetpackWhmcs.Service.Admin.Pages.License;
using JetpackWhmcs.Service.Admin.Pages.Licenses;
using JetpackWhmcs.Service.Admin.Rendering;
using JetpackWhmcs.Service.Admin.Standalone;
using JetpackWhmcs.Service.Admin.Summary;
using JetpackWhmcs.Service.LicenseActions;

namespace JetpackWhmcs.Service.Admin;

/// <summary>Registers the admin pages: the actions of <c>/admin/{action}</c>, the renderer, the widget's figures.</summary>
public static class AdminServices
{
    /// <summary>Registers them; the widget's <see cref="IOperatorSummary"/> comes from the operator's part (<c>AddOperator</c>).</summary>
    public static IServiceCollection AddAdminPages(this IServiceCollection services)
    {
        services.AddSingleton<AdminRenderer>();
        services.AddSingleton<PageRendering>();
        services.AddSingleton<LicenseListLoader>();
        services.AddSingleton<LicenseDetailLoader>();
        services.AddSingleton<LicensePageActions>();
        services.AddSingleton<LicenseActionRunner>();
        services.AddSingleton<AdminSessions>();
        services.AddAdminActions();
        return services;
    }
}
