using JetpackWhmcs.Service.Admin.Endpoint;

namespace JetpackWhmcs.Service.Admin.Lifecycle;

/// <summary><c>activate</c>: <c>jetpack_activate()</c>. Deletes nothing, changes nothing that exists.</summary>
public sealed class ActivateAction(ModuleSetUp setUp) : IAdminAction
{
    /// <inheritdoc />
    public bool ChangesState(AdminCallBody request) => true;

    /// <inheritdoc />
    public Task<AdminAnswer> HandleAsync(AdminCallBody request, CancellationToken cancellationToken) =>
        setUp.RunAsync("Jetpack is activated", cancellationToken);
}
