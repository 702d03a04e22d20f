using JetpackWhmcs.Service.Admin.Endpoint;

namespace JetpackWhmcs.Service.Admin.Lifecycle;

/// <summary><c>upgrade</c>: <c>jetpack_upgrade($vars)</c>, after WHMCS sees a new version: the same idempotent set-up as activation.</summary>
public sealed class UpgradeAction(ModuleSetUp setUp) : IAdminAction
{
    /// <inheritdoc />
    public bool ChangesState(AdminCallBody request) => true;

    /// <inheritdoc />
    public Task<AdminAnswer> HandleAsync(AdminCallBody request, CancellationToken cancellationToken) =>
        setUp.RunAsync("Jetpack is upgraded", cancellationToken);
}
