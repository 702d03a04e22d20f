namespace JetpackWhmcs.Ledger;

/// <summary>The outcome of <see cref="ILicenseLedger.TryClaimAsync"/>.</summary>
/// <param name="Claimed">True when this call inserted the pending row.</param>
/// <param name="Record">The inserted pending row, or the row already holding the slot.</param>
public sealed record ClaimResult(bool Claimed, LicenseRecord Record);
