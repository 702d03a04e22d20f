using System.Text.Json.Nodes;
using JetpackWhmcs.Operator.Checks;
using JetpackWhmcs.Service.Admin.Endpoint;

namespace JetpackWhmcs.Service.Admin.Cron;

/// <summary>
/// <c>daily-check</c>: WHMCS's <c>DailyCronJob</c>. Starts the reconciliation of every token in the
/// background and answers at once, with the notices of earlier checks the admins have not had yet.
/// </summary>
public sealed class DailyCheckAction(DailyCheck daily) : IAdminAction
{
    /// <inheritdoc />
    public bool ChangesState(AdminCallBody request) => true;

    /// <inheritdoc />
    public async Task<AdminAnswer> HandleAsync(AdminCallBody request, CancellationToken cancellationToken)
    {
        var (start, notices) = await daily.StartAsync(cancellationToken);
        return AdminAnswer.Ok(new JsonObject { ["started"] = start.Started, ["notices"] = NoticeJson.Of(notices) });
    }
}
