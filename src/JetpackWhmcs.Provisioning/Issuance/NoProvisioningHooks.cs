using JetpackWhmcs.Ledger;
using JetpackWhmcs.Licensing.Models;

namespace JetpackWhmcs.Provisioning.Issuance;

/// <summary>The production hooks: nothing.</summary>
public sealed class NoProvisioningHooks : IProvisioningHooks
{
    /// <summary>The shared instance.</summary>
    public static NoProvisioningHooks Instance { get; } = new();

    /// <inheritdoc />
    public Task AfterIssuedBeforeRecordedAsync(LicenseRecord claim, License issued, CancellationToken cancellationToken) => Task.CompletedTask;
}
