namespace JetpackWhmcs.Operator.Drift;

/// <summary>What asking for a finding's fix did.</summary>
/// <param name="State">Whether it was applied, refused, waits for a confirmation, or has no automatic fix.</param>
/// <param name="Sentence">One sentence for the admin: what was done, or what went wrong and what to do.</param>
public sealed record FixOutcome(FixState State, string Sentence);
