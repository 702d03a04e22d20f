using JetpackWhmcs.Provisioning.Audit;

namespace JetpackWhmcs.Service.Admin;

/// <summary>
/// The WHMCS admin a call names (<c>$_SESSION['adminid']</c> and the username), or the standalone
/// pages' local admin. It is who the audit records as the actor of every change the call causes.
/// </summary>
/// <param name="Id">The WHMCS admin id (0 for the cron hooks and the standalone local admin).</param>
/// <param name="Username">The admin's username.</param>
public sealed record AdminUser(long Id, string Username)
{
    /// <summary>The longest username accepted (WHMCS's tbladmins.username is a varchar(255)).</summary>
    public const int MaxUsernameLength = 255;

    /// <summary>How the audit and the pages name this admin: <c>admin 3 (alice)</c>.</summary>
    public string DisplayName => AuditActor.Admin(Id, Username);

    /// <inheritdoc />
    public override string ToString() => DisplayName;
}
