using JetpackWhmcs.Service.Hosting;

namespace JetpackWhmcs.Service.Admin.Standalone;

/// <summary>Prints-ready one-time admin links for the standalone pages of a started service.</summary>
public static class OneTimeLink
{
    /// <summary>The local admin the standalone pages record as the actor: the operating-system user who started the service.</summary>
    public static AdminUser LocalAdmin => new(0, string.IsNullOrWhiteSpace(Environment.UserName) ? "local" : Environment.UserName);

    /// <summary>A new link (<c>http://127.0.0.1:PORT/ui/login?code=...</c>) that signs <paramref name="admin"/> in once.</summary>
    public static Uri Issue(WebApplication app, AdminUser? admin = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var code = app.Services.GetRequiredService<AdminSessions>().IssueCode(admin ?? LocalAdmin);
        return StandaloneEndpoints.LoginLink(ServiceHost.Address(app), code);
    }
}
