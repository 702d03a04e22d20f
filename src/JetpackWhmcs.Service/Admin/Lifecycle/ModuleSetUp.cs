using System.Text.Json.Nodes;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Service.Admin.Endpoint;
using JetpackWhmcs.Whmcs;

namespace JetpackWhmcs.Service.Admin.Lifecycle;

/// <summary>
/// What activating or upgrading the addon module does, as the original's activation did: the licence
/// table (our migrations, already applied when the service started), and the hidden product group
/// "Jetpack" ensured; idempotent.
/// </summary>
public sealed class ModuleSetUp(IWhmcsDatabase whmcs)
{
    /// <summary>Ensures the group; answers the protocol's <c>{"status", "description"}</c>.</summary>
    public async Task<AdminAnswer> RunAsync(string done, CancellationToken cancellationToken)
    {
        var group = await whmcs.EnsureProductGroupAsync(cancellationToken);
        var groupSentence = group.Value switch
        {
            { Created: true } => "the hidden product group \"Jetpack\" was created.",
            { Created: false } => "the hidden product group \"Jetpack\" was already there.",
            null => "the product group \"Jetpack\" was not created: " + group.Availability.Sentence,
        };
        return AdminAnswer.Ok(new JsonObject
        {
            ["status"] = "success",
            ["description"] = $"{done}: the licence table is at migration {LedgerSchema.LatestMigrationVersion}; {groupSentence}",
        });
    }
}
