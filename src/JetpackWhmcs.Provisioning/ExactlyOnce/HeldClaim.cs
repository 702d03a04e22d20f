using JetpackWhmcs.Ledger;

namespace JetpackWhmcs.Provisioning.ExactlyOnce;

/// <summary>
/// A pending row this caller holds: the claim id it wrote (claim or compare-and-swap) and when it
/// last proved the claim its own, which is when its lease started.
/// </summary>
/// <param name="Row">The pending row as it was when the claim was checked.</param>
/// <param name="ClaimId">The claim id this caller holds on it.</param>
/// <param name="CheckedAt">When the claim was last checked (UTC, our clock).</param>
/// <param name="TakenFrom">The row as it was before this caller took the claim over; null for a claim it made.</param>
internal sealed record HeldClaim(LicenseRecord Row, string ClaimId, DateTime CheckedAt, LicenseRecord? TakenFrom = null);
