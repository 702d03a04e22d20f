using JetpackWhmcs.Ledger;
using JetpackWhmcs.Provisioning.Parameters;
using JetpackWhmcs.Provisioning.Security;

namespace JetpackWhmcs.Provisioning;

/// <summary>One module call with its validated parameters.</summary>
internal sealed class Invocation(ModuleParameters parameters)
{
    private string? fingerprint;

    public ModuleParameters Parameters { get; } = parameters;

    public ModuleSettings Settings { get; } = parameters.Settings;

    /// <summary>The owner; callers check <see cref="HasOwner"/> first.</summary>
    public LicenseOwner Owner => Parameters.Owner ?? throw new InvalidOperationException("No owner.");

    public bool HasOwner => Parameters.Owner is not null;

    public string Token => Settings.Token;

    public string Fingerprint => fingerprint ??= TokenFingerprint.Of(Token);
}
