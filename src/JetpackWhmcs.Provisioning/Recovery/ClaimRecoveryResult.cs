using JetpackWhmcs.Ledger;

namespace JetpackWhmcs.Provisioning.Recovery;

/// <summary>What recovering one pending claim found.</summary>
/// <param name="Kind">The outcome.</param>
/// <param name="Record">The row after adoption (<see cref="ClaimRecoveryKind.Adopted"/>).</param>
/// <param name="RequestId">The request id of a failed API call (<see cref="ClaimRecoveryKind.Undecided"/>).</param>
public sealed record ClaimRecoveryResult(ClaimRecoveryKind Kind, LicenseRecord? Record = null, string? RequestId = null);

/// <summary>The outcomes of recovering one pending claim.</summary>
public enum ClaimRecoveryKind
{
    /// <summary>An unrecorded licence of the claim's product was adopted into the claim.</summary>
    Adopted,

    /// <summary>No unrecorded licence of the product exists since the claim: nothing was issued for it.</summary>
    NoneFound,

    /// <summary>The claim was taken over or completed by someone else meanwhile.</summary>
    ClaimLost,

    /// <summary>The API could not be read: nothing can be decided yet.</summary>
    Undecided,
}
