namespace JetpackWhmcs.Provisioning.Lifecycle;

/// <summary>Renew and the Refresh Status button: read the licence's state from the API into the ledger.</summary>
internal sealed class Renewal(EngineServices services)
{
    /// <summary>Renew: success unless the licence was revoked outside WHMCS.</summary>
    public Task<ModuleResult> RenewAsync(Invocation invocation, CancellationToken ct) => RunAsync(invocation, reportRevoked: true, ct);

    /// <summary>Refresh Status: records whatever the API says.</summary>
    public Task<ModuleResult> RefreshAsync(Invocation invocation, CancellationToken ct) => RunAsync(invocation, reportRevoked: false, ct);

    private async Task<ModuleResult> RunAsync(Invocation invocation, bool reportRevoked, CancellationToken ct)
    {
        var required = await services.Current.RequireActiveAsync(invocation, ct).ConfigureAwait(false);
        if (required.Stopped)
        {
            return required.Stop;
        }

        var row = required.Row;

        var (license, result) = await services.Operations.RefreshAsync(invocation.Token, row, ct).ConfigureAwait(false);
        if (!result.Ok)
        {
            return Results.From(result);
        }

        if (reportRevoked && license is { IsRevoked: true })
        {
            return ModuleResult.Error(
                $"The Jetpack licence {row.LicenseKey} was revoked outside WHMCS (at {license.RevokedAt}); run Create to issue a new one or Terminate the service.");
        }

        return ModuleResult.Success();
    }
}
