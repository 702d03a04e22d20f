namespace JetpackWhmcs.Operator.Drift;

/// <summary>Where a fix ended.</summary>
public enum FixState
{
    /// <summary>Nothing was done: the admin has to confirm first.</summary>
    NeedsConfirmation,

    /// <summary>The fix was applied.</summary>
    Applied,

    /// <summary>Nothing was changed (the finding is gone, the API refused, ...); the sentence says why.</summary>
    NotApplied,

    /// <summary>This kind of finding has no automatic fix; the sentence says what to do.</summary>
    NoAutomaticFix,
}
