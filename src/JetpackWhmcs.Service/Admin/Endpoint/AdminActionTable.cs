using JetpackWhmcs.Service.Admin.Cron;
using JetpackWhmcs.Service.Admin.Lifecycle;
using JetpackWhmcs.Service.Admin.Pages;
using JetpackWhmcs.Service.Admin.Sidebar;
using JetpackWhmcs.Service.Admin.Widget;

namespace JetpackWhmcs.Service.Admin.Endpoint;

/// <summary>
/// Which handler answers each <c>POST /admin/{action}</c>: one line per action, each handler in a file
/// of its own. An action name that is not here is unknown (400).
/// </summary>
public static class AdminActionTable
{
    /// <summary>Registers every admin action as a keyed <see cref="IAdminAction"/>.</summary>
    public static IServiceCollection AddAdminActions(this IServiceCollection services)
    {
        services.AddKeyedSingleton<IAdminAction, PageAction>("page");
        services.AddKeyedSingleton<IAdminAction, SidebarAction>("sidebar");
        services.AddSingleton<AddonAccess>();
        services.AddKeyedSingleton<IAdminAction, WidgetAction>("widget");
        services.AddSingleton<ModuleSetUp>();
        services.AddKeyedSingleton<IAdminAction, ActivateAction>("activate");
        services.AddKeyedSingleton<IAdminAction, UpgradeAction>("upgrade");
        services.AddKeyedSingleton<IAdminAction, DailyCheckAction>("daily-check");
        services.AddKeyedSingleton<IAdminAction, NoticesAction>("notices");
        return services;
    }
}
