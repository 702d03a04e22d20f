using JetpackWhmcs.Ledger.OperatorData;
using JetpackWhmcs.Operator.Drift;

namespace JetpackWhmcs.Service.Admin.Pages.Drift;

/// <summary>What the Drift page shows: the running check, the chosen check with its findings, the history, and what a posted form did.</summary>
public sealed class DriftPageState
{
    /// <summary>The check running now (shown with its progress; the page reloads itself meanwhile).</summary>
    public CheckRecord? Running { get; init; }

    /// <summary>The check shown: the one named by <c>check</c>, else the latest finished.</summary>
    public CheckRecord? Shown { get; init; }

    /// <summary>Its findings.</summary>
    public IReadOnlyList<DriftFinding> Findings { get; init; } = [];

    /// <summary>Its counts.</summary>
    public DriftCounts Counts { get; init; } = new();

    /// <summary>The newest checks.</summary>
    public IReadOnlyList<CheckRecord> History { get; init; } = [];

    /// <summary>A finding waiting for the admin's confirmation, with what confirming does.</summary>
    public (DriftFinding Finding, string Consequence)? ToConfirm { get; init; }

    /// <summary>What the posted form did (success).</summary>
    public string? Done { get; init; }

    /// <summary>What went wrong with the posted form.</summary>
    public string? Problem { get; init; }
}
