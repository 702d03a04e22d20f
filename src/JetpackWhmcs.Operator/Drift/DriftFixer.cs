using JetpackWhmcs.Ledger;
using JetpackWhmcs.Ledger.OperatorData;
using JetpackWhmcs.Licensing;
using JetpackWhmcs.Operator.Tokens;
using JetpackWhmcs.Provisioning;
using JetpackWhmcs.Provisioning.Audit;
using JetpackWhmcs.Provisioning.Errors;
using JetpackWhmcs.Provisioning.Parameters;
using JetpackWhmcs.Provisioning.Reconciliation;
using JetpackWhmcs.Provisioning.Security;
using JetpackWhmcs.Whmcs;
using JetpackWhmcs.Whmcs.Services;
using JetpackWhmcs.Whmcs.Tokens;

namespace JetpackWhmcs.Operator.Drift;

/// <summary>
/// Applies the safe fix of one stored finding, and only after the admin confirmed it: the API kinds
/// through reconcile's repair path limited to that licence (which checks again right before it
/// revokes), the WHMCS kinds through the engine's own Terminate and Create (exactly-once, audited).
/// Each fix checks that the finding still holds before it acts; the admin is the audit's actor.
/// </summary>
public sealed class DriftFixer(IOperatorStore store, ReconciliationService reconciliation, IModuleEngine engine, IWhmcsDatabase whmcs, IPartnerTokens tokens, TimeProvider time)
{
    /// <summary>Fixes finding <paramref name="findingId"/> of check <paramref name="checkId"/> when <paramref name="confirmed"/>; otherwise changes nothing.</summary>
    public async Task<FixOutcome> FixAsync(long checkId, string findingId, bool confirmed, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(actor);
        var check = await store.GetCheckAsync(checkId, cancellationToken);
        var finding = check is null ? null : DriftJson.ReadFindings(check.FindingsJson).FirstOrDefault(f => f.Id == findingId);
        if (finding is null)
        {
            return new(FixState.NotApplied, "That finding is not in the stored check any more: open the latest check and pick it again.");
        }

        if (finding.FixedBy is { } fixedBy)
        {
            return new(FixState.NotApplied, $"This finding was already fixed by {fixedBy} at {finding.FixedAt:yyyy-MM-dd HH:mm} UTC: nothing was changed; run a new check to see the current state.");
        }

        if (FixDescriptions.Of(finding.Kind) is null)
        {
            return new(FixState.NoAutomaticFix, FixDescriptions.Advice(finding.Kind));
        }

        if (!confirmed)
        {
            return new(FixState.NeedsConfirmation, FixDescriptions.Of(finding.Kind)!.Value.Consequence);
        }

        using var audit = AuditActor.Use(actor);
        FixOutcome outcome;
        try
        {
            outcome = finding.Kind switch
            {
                FindingKind.UnknownToWhmcs or FindingKind.RevokedOutsideWhmcs => await ReconcileOneAsync(finding, cancellationToken),
                FindingKind.EndedServiceWithLicense => await TerminateAsync(finding, cancellationToken),
                _ => await CreateAsync(finding, cancellationToken),
            };
        }
        catch (JetpackApiException exception)
        {
            return new(FixState.NotApplied, Sentences.ApiFailure("list the licences to check the finding again", exception));
        }

        if (outcome.State == FixState.Applied)
        {
            // The fix is done whatever happens to this mark: it only keeps the page from offering it again.
            await MarkFixedAsync(checkId, findingId, actor, CancellationToken.None);
        }

        return outcome;
    }

    private async Task MarkFixedAsync(long checkId, string findingId, string actor, CancellationToken ct)
    {
        var at = time.GetUtcNow().UtcDateTime;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await store.GetCheckAsync(checkId, ct) is not { } check)
            {
                return;
            }

            var findings = DriftJson.ReadFindings(check.FindingsJson)
                .Select(f => f.Id == findingId ? f with { FixedBy = actor, FixedAt = at } : f)
                .ToList();
            if (await store.ReplaceFindingsAsync(checkId, check.FindingsJson, DriftJson.Findings(findings), ct))
            {
                return;
            }
        }
    }

    private async Task<FixOutcome> ReconcileOneAsync(DriftFinding finding, CancellationToken ct)
    {
        var key = finding.LicenseKey!;
        if (await TokenOfAsync(finding.TokenFingerprint, ct) is not { } token)
        {
            return NoToken(finding.TokenFingerprint);
        }

        var report = await reconciliation.ReconcileAsync(token, new ReconcileOptions { Fix = true, RevokeExtras = finding.Kind == FindingKind.UnknownToWhmcs, OnlyKeys = new HashSet<string>(StringComparer.Ordinal) { key } }, ct);
        if (report.Adopted.Any(r => r.LicenseKey == key))
        {
            return new(FixState.Applied, $"Licence {key} was adopted by the pending claim that was waiting for it.");
        }

        if (report.RevokedExtras.Contains(key))
        {
            return new(FixState.Applied, $"Licence {key} was revoked on Jetpack.");
        }

        if (report.MarkedRevoked.Any(r => r.LicenseKey == key))
        {
            return new(FixState.Applied, $"Licence {key} is now marked revoked in the ledger.");
        }

        return report.Problems.FirstOrDefault(p => p.StartsWith(key, StringComparison.Ordinal)) is { } problem
            ? new(FixState.NotApplied, problem)
            : new(FixState.NotApplied, $"Licence {key} no longer shows this drift (it was fixed meanwhile): nothing was changed; run a new check to see the current state.");
    }

    private async Task<FixOutcome> TerminateAsync(DriftFinding finding, CancellationToken ct)
    {
        var ended = await whmcs.FindEndedServicesWithLiveLicenseAsync(ct);
        var current = ended.Value.FirstOrDefault(e => e.Service.Owner.SlotKey == finding.Owner && e.LicenseRowId == finding.LicenseRowId);
        if (current is null)
        {
            return Gone(ended.Availability);
        }

        return await InvokeAsync("TerminateAccount", current.Service, $"Licence {current.LicenseKey} was revoked.", ct);
    }

    private async Task<FixOutcome> CreateAsync(DriftFinding finding, CancellationToken ct)
    {
        var without = await whmcs.FindActiveServicesWithoutLicenseAsync(ct);
        var current = without.Value.FirstOrDefault(s => s.Owner.SlotKey == finding.Owner);
        return current is null
            ? Gone(without.Availability)
            : await InvokeAsync("CreateAccount", current, "A licence was issued for it.", ct);
    }

    private async Task<FixOutcome> InvokeAsync(string function, JetpackService service, string done, CancellationToken ct)
    {
        var entity = service.Owner.Kind == OwnerKind.Addon ? ModuleEntity.Addon : ModuleEntity.Product;
        var catalog = await whmcs.ReadJetpackCatalogAsync(ct);
        if (catalog.Value.FirstOrDefault(c => c.Entity == entity && c.Id == service.CatalogId) is not { } settings)
        {
            return new(FixState.NotApplied, $"The WHMCS {entity.ToString().ToLowerInvariant()} {service.CatalogId} of {service.Owner} no longer uses the Jetpack module: nothing was done.");
        }

        // Every setting of the product or addon, as WHMCS would send them (attach on create, suspension policy, ...).
        var options = Enumerable.Range(0, ModuleParameters.ConfigOptionCount).Select(i => i < settings.Settings.Count ? settings.Settings[i] : "").ToArray();
        var parameters = new ModuleParameters
        {
            ServiceId = service.ServiceId,
            AddonId = service.Owner.Kind == OwnerKind.Addon ? service.Owner.Id : null,
            OrderId = service.OrderId,
            ProductId = service.ProductId,
            UserId = service.ClientId,
            Domain = service.Domain,
            Status = service.Status,
            ConfigOptions = options,
        };
        var result = await engine.InvokeAsync(function, parameters, ct);
        var answer = result.Value?.GetValue<string>() ?? "";
        return result.Outcome == ModuleOutcome.Success
            ? new(FixState.Applied, $"{service.Owner}: {done}")
            : new(FixState.NotApplied, $"{service.Owner}: {answer}");
    }

    private async Task<string?> TokenOfAsync(string? fingerprint, CancellationToken ct) =>
        fingerprint is null ? null : (await tokens.GetAllAsync(ct)).FirstOrDefault(t => TokenFingerprint.Of(t) == fingerprint);

    private static FixOutcome NoToken(string? fingerprint) =>
        new(FixState.NotApplied, $"No Jetpack product or addon uses the token with fingerprint {fingerprint ?? "(none)"} any more, so this licence cannot be reached: set that token on a product, or fix it in the Jetpack partner portal.");

    private static FixOutcome Gone(WhmcsAvailability availability) => availability.IsAvailable
        ? new(FixState.NotApplied, "WHMCS no longer shows this drift (it was fixed meanwhile): nothing was changed; run a new check to see the current state.")
        : new(FixState.NotApplied, availability.Sentence);
}
