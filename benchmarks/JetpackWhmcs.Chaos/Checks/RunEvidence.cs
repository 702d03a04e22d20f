using JetpackWhmcs.Chaos.Database;
using JetpackWhmcs.Chaos.Driving;
using JetpackWhmcs.Chaos.Processes;

namespace JetpackWhmcs.Chaos.Checks;

/// <summary>Everything the checks read, gathered once the services are stopped and nothing moves any more.</summary>
internal sealed record RunEvidence(
    IReadOnlyList<ServiceScript> Scripts,
    IReadOnlyDictionary<int, int> StepsDone,
    IReadOnlyList<SandboxLicence> IssuedOnApi,
    IReadOnlySet<string> ActiveOnApi,
    IReadOnlyDictionary<string, long> ApiRequests,
    IReadOnlyList<LedgerRow> Rows,
    IReadOnlyList<AuditCount> Audit,
    long PendingAfterRecovery,
    IReadOnlyList<string> Abandoned,
    int KillsAsked,
    IReadOnlyList<KillRecord> Kills,
    IReadOnlyList<string> RestartFailures);
