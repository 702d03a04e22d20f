using JetpackWhmcs.Ledger;

namespace JetpackWhmcs.Provisioning.Lifecycle;

/// <summary>
/// TerminateAccount: revoke the licence and record <c>revoked_at</c>. Already revoked answers success;
/// never having had one answers a sentence. A successor left by an unfinished ChangePackage is revoked too.
/// </summary>
internal sealed class TerminateAccount(EngineServices services)
{
    public async Task<ModuleResult> RunAsync(Invocation invocation, CancellationToken ct)
    {
        if (Guards.Check(invocation) is { } invalid)
        {
            return invalid;
        }

        var (row, stop) = await services.Current.FindActiveAsync(invocation, ct).ConfigureAwait(false);
        if (stop is not null)
        {
            return stop;
        }

        var successor = await services.Ledger.FindBySlotAsync(invocation.Owner.SuccessorSlotKey, ct).ConfigureAwait(false);
        if (successor is { State: LicenseState.Active })
        {
            var revokedSuccessor = await services.Operations.RevokeAsync(invocation.Token, successor, ct).ConfigureAwait(false);
            if (!revokedSuccessor.Ok)
            {
                return Results.From(revokedSuccessor);
            }
        }

        if (row is null)
        {
            var history = await services.Ledger.FindByOwnerAsync(invocation.Owner, ct).ConfigureAwait(false);
            return history.Any(r => r.State == LicenseState.Revoked)
                ? ModuleResult.Success()
                : ModuleResult.Error("This service never had a Jetpack licence, so there is nothing to revoke; if one was issued outside WHMCS, revoke it in the Jetpack partner portal.");
        }

        var revoked = await services.Operations.RevokeAsync(invocation.Token, row, ct).ConfigureAwait(false);
        if (!revoked.Ok)
        {
            await services.Ledger.SetLastErrorAsync(row.Id, revoked.Sentence, services.Now, CancellationToken.None).ConfigureAwait(false);
        }

        return Results.From(revoked);
    }
}
