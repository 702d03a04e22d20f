using JetpackWhmcs.Ledger;
using JetpackWhmcs.Licensing.Models;
using JetpackWhmcs.Provisioning.Issuance;

namespace JetpackWhmcs.CrashProbe;

/// <summary>Writes the issued key to the marker file, then blocks forever: the test kills the process here.</summary>
internal sealed class BlockAfterIssueHooks(string markerPath) : IProvisioningHooks
{
    public async Task AfterIssuedBeforeRecordedAsync(LicenseRecord claim, License issued, CancellationToken cancellationToken)
    {
        // Write to a temporary name and move, so the test never reads a half-written marker.
        var temporary = markerPath + ".tmp";
        await File.WriteAllTextAsync(temporary, issued.LicenseKey, cancellationToken);
        File.Move(temporary, markerPath, overwrite: true);
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }
}
