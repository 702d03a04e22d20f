namespace JetpackWhmcs.Operator.Drift;

/// <summary>What one drift check found across every token and WHMCS's tables.</summary>
/// <param name="Findings">Every finding.</param>
/// <param name="Problems">Sentences for what could not be checked (a token the API refused, WHMCS's tables missing).</param>
/// <param name="TokensChecked">How many tokens were reconciled.</param>
public sealed record DriftReport(IReadOnlyList<DriftFinding> Findings, IReadOnlyList<string> Problems, int TokensChecked)
{
    /// <summary>How many findings of each kind (every kind present, zero included).</summary>
    public IReadOnlyDictionary<FindingKind, int> Counts =>
        Enum.GetValues<FindingKind>().ToDictionary(k => k, k => Findings.Count(f => f.Kind == k));
}
