using System.Text.Json.Nodes;
using JetpackWhmcs.Ledger;

namespace JetpackWhmcs.Provisioning.ClientArea;

/// <summary>
/// WHMCS 8.5+ custom actions on the client-area home's Active Products panel: "Activate Jetpack" for a
/// service whose licence is issued but not attached to a site yet. Read-only and one ledger lookup: the
/// home page asks for every active service.
/// </summary>
internal sealed class CustomActionsView(EngineServices services)
{
    public async Task<ModuleResult> RunAsync(Invocation invocation, CancellationToken ct)
    {
        if (!invocation.HasOwner)
        {
            return ModuleResult.Array(new JsonObject { ["activate"] = false });
        }

        var row = await services.Ledger.FindBySlotAsync(invocation.Owner.SlotKey, ct).ConfigureAwait(false);
        var activate = row is { State: LicenseState.Active, AttachedSite: null, SuspendedSite: null };
        return ModuleResult.Array(new JsonObject { ["activate"] = activate });
    }
}
