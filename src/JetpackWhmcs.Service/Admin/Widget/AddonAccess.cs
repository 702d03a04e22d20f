using System.Globalization;
using JetpackWhmcs.Whmcs;

namespace JetpackWhmcs.Service.Admin.Widget;

/// <summary>
/// Whether the addon's Access Control (Setup → Addon Modules → Jetpack) lets an admin see the addon's
/// figures. WHMCS guards the addon's pages itself, but its hooks run for every logged-in admin, so the
/// dashboard widget asks here: the admin's role (<c>tbladmins.roleid</c>) must be one of the role ids
/// WHMCS saved in the setting <c>access</c>. An empty or missing setting lets no role in, as in WHMCS.
/// Without WHMCS's tables (the embedded ledger, the standalone pages' local admin) there is no access
/// control to honour, and every admin is let in as before.
/// </summary>
public sealed class AddonAccess(IWhmcsDatabase whmcs)
{
    /// <summary>True when <paramref name="admin"/> may see the addon's figures.</summary>
    public async Task<bool> AllowsAsync(AdminUser admin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var settings = await whmcs.ReadAddonModuleSettingsAsync(cancellationToken);
        if (!settings.IsAvailable)
        {
            return true;
        }

        var role = await whmcs.ReadAdminRoleAsync(admin.Id, cancellationToken);
        if (!role.IsAvailable)
        {
            return true;
        }

        // An admin WHMCS does not know (the cron caller's id 0, a deleted admin) has no role to allow.
        return role.Value is { } roleId && AllowedRoles(settings.Value).Contains(roleId);
    }

    /// <summary>The role ids in <c>access</c> (<c>1,2</c>); anything that is not a role id is ignored.</summary>
    private static HashSet<long> AllowedRoles(IReadOnlyDictionary<string, string> settings)
    {
        var roles = new HashSet<long>();
        if (!settings.TryGetValue(WhmcsTables.AccessSetting, out var access))
        {
            return roles;
        }

        foreach (var part in access.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                roles.Add(id);
            }
        }

        return roles;
    }
}
