namespace JetpackWhmcs.Service.Admin.Endpoint;

/// <summary>
/// One action of <c>POST /admin/{action}</c> (docs/admin-protocol.md). The endpoint has checked the
/// signature and the body, and has remembered the nonce when <see cref="ChangesState"/> says so, before
/// <see cref="HandleAsync"/> runs. Register an action with one line in <see cref="AdminActionTable"/>.
/// </summary>
public interface IAdminAction
{
    /// <summary>
    /// True when this call may change something (a ledger row, a WHMCS table, a notice handed out): its
    /// nonce is written to the shared nonce table before the action runs, so a replay is refused.
    /// </summary>
    bool ChangesState(AdminCallBody request);

    /// <summary>Runs the action for the admin the call names.</summary>
    Task<AdminAnswer> HandleAsync(AdminCallBody request, CancellationToken cancellationToken);
}
