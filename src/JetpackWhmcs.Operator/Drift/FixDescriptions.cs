namespace JetpackWhmcs.Operator.Drift;

/// <summary>What the fix of each kind of finding does, said before the admin confirms it (null: no automatic fix, with the advice instead).</summary>
public static class FixDescriptions
{
    /// <summary>The button's label and what confirming does, or null when the kind has no automatic fix.</summary>
    public static (string Label, string Consequence)? Of(FindingKind kind) => kind switch
    {
        FindingKind.UnknownToWhmcs => ("Adopt or revoke", "A pending claim waiting for this licence adopts it; otherwise the licence is revoked on Jetpack, which ends its billing and cannot be undone."),
        FindingKind.RevokedOutsideWhmcs => ("Mark revoked", "The ledger row is marked revoked, as Jetpack already has it; nothing is sent to Jetpack."),
        FindingKind.EndedServiceWithLicense => ("Revoke licence", "The licence is revoked on Jetpack through the module's Terminate, as WHMCS would have done; this cannot be undone."),
        FindingKind.ActiveServiceWithoutLicense => ("Issue licence", "A new licence is issued through the module's Create (billed by Jetpack), exactly once."),
        _ => null,
    };

    /// <summary>What to do about a kind without an automatic fix.</summary>
    public static string Advice(FindingKind kind) => kind switch
    {
        FindingKind.MissingOnApi => "No automatic fix: check in the Jetpack partner portal which token issued this licence, and set that token on the product.",
        FindingKind.PendingClaim => "No fix needed: the background recovery completes or releases the claim once its lease has passed.",
        _ => "",
    };
}
