namespace JetpackWhmcs.Provisioning;

/// <summary>The WHMCS function names the engine answers (docs/bridge-protocol.md).</summary>
public static class ModuleFunctions
{
    /// <summary>Functions answering an array (a JSON object).</summary>
    public static IReadOnlySet<string> ArrayFunctions { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "MetaData", "ConfigOptions", "LoadProducts", "LoadProductDescriptions", "TestConnection", "AdminCustomButtonArray",
        "AdminServicesTabFields", "ClientArea", "ClientAreaCustomButtonArray", "ClientAreaAllowedFunctions", "ClientActivate",
        "ClientChangeSite", "ClientRefreshStatus", "CustomActions", "ClientUpsell",
    };

    /// <summary>Every function, in the protocol's order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "MetaData", "ConfigOptions", "LoadProducts", "LoadProductDescriptions", "TestConnection", "CreateAccount", "SuspendAccount", "UnsuspendAccount",
        "TerminateAccount", "Renew", "ChangePackage", "AdminCustomButtonArray", "AttachLicense", "DetachLicense", "RefreshStatus",
        "ReissueLicense", "AdminServicesTabFields", "ClientArea", "ClientAreaCustomButtonArray", "ClientAreaAllowedFunctions",
        "ClientActivate", "ClientChangeSite", "ClientRefreshStatus", "CustomActions", "ClientUpsell",
    ];
}
