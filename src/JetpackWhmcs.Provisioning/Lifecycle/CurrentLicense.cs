using JetpackWhmcs.Ledger;
using JetpackWhmcs.Provisioning.Issuance;

namespace JetpackWhmcs.Provisioning.Lifecycle;

/// <summary>Finds the licence a module call is about: the owner's slot, else a legacy row of the original module.</summary>
internal sealed class CurrentLicense(ILicenseLedger ledger, LicenseIssuer issuer, TimeProvider time)
{
    /// <summary>
    /// The owner's active licence for a function that changes it: a stale pending claim is recovered
    /// first, and an unclaimed legacy row for (order, pid) of the same product is adopted. Null row and
    /// null stop: the owner has no active licence. A non-null stop is the answer to give (in progress, unknown).
    /// </summary>
    public async Task<(LicenseRecord? Row, ModuleResult? Stop)> FindActiveAsync(Invocation invocation, CancellationToken ct)
    {
        var row = await ledger.FindBySlotAsync(invocation.Owner.SlotKey, ct).ConfigureAwait(false);
        if (row is { State: LicenseState.Pending })
        {
            var settled = await issuer.SettlePendingAsync(row, invocation.Token, ct).ConfigureAwait(false);
            switch (settled.Kind)
            {
                case IssueOutcomeKind.Recovered:
                    return (settled.Record, null);
                case IssueOutcomeKind.Released:
                    row = null;
                    break;
                case IssueOutcomeKind.InProgress:
                    return (null, new ModuleResult(System.Text.Json.Nodes.JsonValue.Create(settled.Sentence), ModuleOutcome.InProgress));
                default:
                    return (null, ModuleResult.Error(settled.Sentence ?? "", settled.RequestId));
            }
        }

        return row is { State: LicenseState.Active } ? (row, null) : (await AdoptLegacyAsync(invocation, ct).ConfigureAwait(false), null);
    }

    /// <summary>
    /// For a function that needs an active licence: the input checks of <see cref="Guards.Check"/>, then
    /// <see cref="FindActiveAsync"/>, and the no-licence sentence when the owner has none.
    /// </summary>
    public async Task<RequiredLicense> RequireActiveAsync(Invocation invocation, CancellationToken ct, bool needsProduct = false)
    {
        if (Guards.Check(invocation, needsProduct) is { } invalid)
        {
            return RequiredLicense.Answer(invalid);
        }

        var (row, stop) = await FindActiveAsync(invocation, ct).ConfigureAwait(false);
        if (stop is not null)
        {
            return RequiredLicense.Answer(stop);
        }

        return row is null ? RequiredLicense.Answer(CreateAccount.NoLicense()) : RequiredLicense.Found(row);
    }

    /// <summary>Adopts the original module's unclaimed row for (order, pid) when its product matches the setting.</summary>
    public async Task<LicenseRecord?> AdoptLegacyAsync(Invocation invocation, CancellationToken ct)
    {
        var legacy = await FindLegacyAsync(invocation, ct).ConfigureAwait(false);
        if (legacy is null)
        {
            return null;
        }

        var slug = IssuedLicenses.ProductOf(legacy);
        var now = time.GetUtcNow().UtcDateTime;
        await ledger.TryAdoptLegacyAsync(legacy.Id, invocation.Owner, slug, invocation.Fingerprint, now, ct).ConfigureAwait(false);
        var row = await ledger.FindBySlotAsync(invocation.Owner.SlotKey, ct).ConfigureAwait(false);
        return row is { State: LicenseState.Active } ? row : null;
    }

    /// <summary>What to show (no writes): the slot's row, else an unclaimed legacy row, else the owner's newest row.</summary>
    public async Task<LicenseRecord?> FindForDisplayAsync(Invocation invocation, CancellationToken ct)
    {
        var row = await ledger.FindBySlotAsync(invocation.Owner.SlotKey, ct).ConfigureAwait(false);
        if (row is not null)
        {
            return row;
        }

        var legacy = await FindLegacyAsync(invocation, ct).ConfigureAwait(false);
        if (legacy is not null)
        {
            return legacy;
        }

        var history = await ledger.FindByOwnerAsync(invocation.Owner, ct).ConfigureAwait(false);
        return history.Count > 0 ? history[0] : null;
    }

    private async Task<LicenseRecord?> FindLegacyAsync(Invocation invocation, CancellationToken ct)
    {
        var p = invocation.Parameters;
        if (p.OrderId <= 0 || p.ProductId <= 0)
        {
            return null;
        }

        var legacy = await ledger.FindUnclaimedLegacyAsync(p.OrderId, p.ProductId, ct).ConfigureAwait(false);
        if (legacy is null)
        {
            return null;
        }

        // The original keyed rows by (order, pid), so a parent service and its addons share that pair:
        // only a row of the product this call is about belongs to it.
        var wanted = invocation.Settings.ProductSlug;
        var slug = IssuedLicenses.ProductOf(legacy);
        return wanted.Length == 0 || slug is null || string.Equals(slug, wanted, StringComparison.OrdinalIgnoreCase) ? legacy : null;
    }
}
