using JetpackWhmcs.Ledger;
using JetpackWhmcs.Licensing.Models;

namespace JetpackWhmcs.Provisioning.Issuance;

/// <summary>
/// Test-only seams in the issue path. Production passes none (the engine's default is
/// <see cref="NoProvisioningHooks"/>). The crash test uses <see cref="AfterIssuedBeforeRecordedAsync"/>
/// to stop a real process between the API's answer and the ledger write, then kills it.
/// </summary>
public interface IProvisioningHooks
{
    /// <summary>Runs after the API issued <paramref name="issued"/> for <paramref name="claim"/> and before the ledger records it.</summary>
    Task AfterIssuedBeforeRecordedAsync(LicenseRecord claim, License issued, CancellationToken cancellationToken);
}
