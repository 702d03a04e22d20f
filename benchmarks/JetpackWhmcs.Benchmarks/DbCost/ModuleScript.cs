using System.Text.Json.Nodes;
using JetpackWhmcs.Benchmarks.Support;

namespace JetpackWhmcs.Benchmarks.DbCost;

/// <summary>
/// One WHMCS service's life, each step a module function called as WHMCS calls it: create, show,
/// suspend, attach, upgrade, terminate, and the functions that need no licence. Each sample plays
/// the script on a service of its own, so samples do not disturb each other.
/// </summary>
internal static class ModuleScript
{
    /// <summary>The product ChangePackage moves to.</summary>
    public const string UpgradeProduct = "jetpack-scan";

    /// <summary>(label, function, params) for service <paramref name="serviceId"/>, in order.</summary>
    public static IEnumerable<(string Label, string Function, JsonObject Params)> For(long serviceId)
    {
        var p = WhmcsParams.ForService(serviceId);
        var upgraded = WhmcsParams.ForService(serviceId, UpgradeProduct);
        yield return ("CreateAccount (issues)", "CreateAccount", p);
        yield return ("CreateAccount (repeat, already active)", "CreateAccount", p);
        yield return ("ClientArea", "ClientArea", p);
        yield return ("AdminServicesTabFields", "AdminServicesTabFields", p);
        yield return ("SuspendAccount", "SuspendAccount", p);
        yield return ("UnsuspendAccount", "UnsuspendAccount", p);
        yield return ("AttachLicense", "AttachLicense", p);
        yield return ("DetachLicense", "DetachLicense", p);
        yield return ("Renew", "Renew", p);
        yield return ("RefreshStatus", "RefreshStatus", p);
        yield return ("ChangePackage (issue new, revoke old)", "ChangePackage", upgraded);
        yield return ("ReissueLicense", "ReissueLicense", upgraded);
        yield return ("TerminateAccount", "TerminateAccount", upgraded);
        yield return ("ClientArea (no active licence)", "ClientArea", upgraded);
        yield return ("TestConnection", "TestConnection", p);
        yield return ("LoadProducts", "LoadProducts", p);
        yield return ("ConfigOptions", "ConfigOptions", p);
        yield return ("MetaData", "MetaData", p);
        yield return ("AdminCustomButtonArray", "AdminCustomButtonArray", p);
    }
}
