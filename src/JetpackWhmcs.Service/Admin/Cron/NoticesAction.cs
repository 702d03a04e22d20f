using System.Text.Json.Nodes;
using JetpackWhmcs.Operator.Notices;
using JetpackWhmcs.Service.Admin.Endpoint;

namespace JetpackWhmcs.Service.Admin.Cron;

/// <summary><c>notices</c>: WHMCS's <c>AfterCronJob</c>. The notices of finished checks not handed out yet; each is handed out once.</summary>
public sealed class NoticesAction(NoticeService notices) : IAdminAction
{
    /// <inheritdoc />
    public bool ChangesState(AdminCallBody request) => true;

    /// <inheritdoc />
    public async Task<AdminAnswer> HandleAsync(AdminCallBody request, CancellationToken cancellationToken) =>
        AdminAnswer.Ok(new JsonObject { ["notices"] = NoticeJson.Of(await notices.TakeAsync(cancellationToken)) });
}
