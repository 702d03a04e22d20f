using JetpackWhmcs.Ledger;

namespace JetpackWhmcs.Provisioning.Recovery;

/// <summary>What one recovery round found so far; becomes the <see cref="RecoveryReport"/>.</summary>
internal sealed class RecoveryCollector
{
    public List<LicenseRecord> Adopted { get; } = [];

    public List<LicenseRecord> Released { get; } = [];

    public List<LicenseRecord> Undecided { get; } = [];

    public List<LicenseRecord> NoToken { get; } = [];

    public List<UnrecordedLicense> Extras { get; } = [];

    public List<UnrecordedLicense> Kept { get; } = [];

    public RecoveryReport ToReport() => new()
    {
        Adopted = Adopted,
        Released = Released,
        Undecided = Undecided,
        NoToken = NoToken,
        Extras = Extras,
        KeptUnassigned = Kept,
    };
}
