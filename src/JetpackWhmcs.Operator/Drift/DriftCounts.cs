namespace JetpackWhmcs.Operator.Drift;

/// <summary>The counts a check stores beside its findings (what the page's history and the notices show).</summary>
public sealed record DriftCounts
{
    /// <summary>Findings per kind.</summary>
    public IReadOnlyDictionary<FindingKind, int> ByKind { get; init; } = new Dictionary<FindingKind, int>();

    /// <summary>Sentences for what could not be checked.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>Tokens reconciled.</summary>
    public int TokensChecked { get; init; }

    /// <summary>How many findings were stored with the check (at most <see cref="Checks.CheckRunner.MaxStoredFindings"/>; the counts cover all).</summary>
    public int Stored { get; init; }

    /// <summary>All findings.</summary>
    public int Total => ByKind.Values.Sum();
}
