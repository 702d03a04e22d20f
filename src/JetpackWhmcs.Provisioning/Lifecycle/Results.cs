using System.Text.Json.Nodes;
using JetpackWhmcs.Provisioning.Issuance;

namespace JetpackWhmcs.Provisioning.Lifecycle;

/// <summary>Maps internal outcomes to module answers.</summary>
internal static class Results
{
    public static ModuleResult From(OperationResult result) =>
        result.Ok ? ModuleResult.Success(result.RequestId) : ModuleResult.Error(result.Sentence ?? "", result.RequestId);

    public static ModuleResult From(IssueOutcome outcome) => outcome.Kind switch
    {
        IssueOutcomeKind.Issued or IssueOutcomeKind.AlreadyActive or IssueOutcomeKind.Recovered => ModuleResult.Success(outcome.RequestId),
        IssueOutcomeKind.InProgress => new ModuleResult(JsonValue.Create(outcome.Sentence), ModuleOutcome.InProgress, outcome.RequestId),
        _ => ModuleResult.Error(outcome.Sentence ?? "The licence could not be issued; try again in a few minutes.", outcome.RequestId),
    };
}
