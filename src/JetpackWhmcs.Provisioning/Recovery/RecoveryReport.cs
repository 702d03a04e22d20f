using JetpackWhmcs.Ledger;

namespace JetpackWhmcs.Provisioning.Recovery;

/// <summary>What a recovery pass did.</summary>
public sealed record RecoveryReport
{
    /// <summary>Stale claims that adopted the licence the API had issued for them (rows after adoption).</summary>
    public IReadOnlyList<LicenseRecord> Adopted { get; init; } = [];

    /// <summary>Stale claims with no licence behind them, released so that a new Create issues one.</summary>
    public IReadOnlyList<LicenseRecord> Released { get; init; } = [];

    /// <summary>Stale claims left pending because the API could not be read (retry later).</summary>
    public IReadOnlyList<LicenseRecord> Undecided { get; init; } = [];

    /// <summary>Stale claims skipped because no token is known for their fingerprint.</summary>
    public IReadOnlyList<LicenseRecord> NoToken { get; init; } = [];

    /// <summary>Unrecorded, unattached licences no claim matched: reported, never revoked silently.</summary>
    public IReadOnlyList<UnrecordedLicense> Extras { get; init; } = [];

    /// <summary>
    /// Those of <see cref="Extras"/> old enough that no call in flight can be waiting for them, now kept
    /// in the ledger as unassigned licences for the next Create of their product.
    /// </summary>
    public IReadOnlyList<UnrecordedLicense> KeptUnassigned { get; init; } = [];
}
