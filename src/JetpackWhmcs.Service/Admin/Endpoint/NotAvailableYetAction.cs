namespace JetpackWhmcs.Service.Admin.Endpoint;

/// <summary>
/// An action the protocol names whose handler is not part of this build yet: it answers a clear 400
/// and does nothing. The table replaces it with the real handler when one is added.
/// </summary>
public sealed class NotAvailableYetAction(string action) : IAdminAction
{
    /// <inheritdoc />
    public bool ChangesState(AdminCallBody request) => true;

    /// <inheritdoc />
    public Task<AdminAnswer> HandleAsync(AdminCallBody request, CancellationToken cancellationToken) =>
        Task.FromResult(AdminAnswer.BadRequest($"The admin action '{action}' is not available yet in this jetpack-whmcs build: upgrade the service; nothing was done."));
}
