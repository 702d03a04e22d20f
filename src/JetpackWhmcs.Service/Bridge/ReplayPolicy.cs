namespace JetpackWhmcs.Service.Bridge;

/// <summary>
/// Which module functions remember their nonce. A function that changes a licence (issues, revokes,
/// suspends, attaches, records a state) must never run twice for one signed call, so its nonce is
/// written to the shared nonce table before it runs. A read-only function (docs/bridge-protocol.md,
/// "Replay") writes nothing durable: replaying a captured call within the timestamp window returns
/// what the captured answer already showed, so it skips that write and its commit.
/// </summary>
public static class ReplayPolicy
{
    /// <summary>
    /// The functions that change no licence and no ledger row: the catalogue and settings
    /// (MetaData, ConfigOptions, LoadProducts, LoadProductDescriptions), the connection test (one read of the API), the button
    /// list, and the two displays (AdminServicesTabFields, ClientArea read the ledger only); on the client's
    /// side the button and function lists, the custom actions and the upsell (they read the ledger and WHMCS's
    /// tables only: every client-area home page asks for them).
    /// </summary>
    public static IReadOnlySet<string> ReadOnlyFunctions { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "MetaData", "ConfigOptions", "LoadProducts", "LoadProductDescriptions", "TestConnection", "AdminCustomButtonArray",
        "AdminServicesTabFields", "ClientArea", "ClientAreaCustomButtonArray", "ClientAreaAllowedFunctions", "CustomActions", "ClientUpsell",
    };

    /// <summary>True when a call to <paramref name="function"/> must record its nonce before running.</summary>
    public static bool RemembersNonce(string function) => !ReadOnlyFunctions.Contains(function);
}
