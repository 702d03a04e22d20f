namespace JetpackWhmcs.Provisioning.ClientArea;

/// <summary>
/// The domain a licence belongs on by default: a service's own domain; for a Jetpack product addon, the
/// domain of the hosting service it was added to (read from WHMCS when its tables are there, since the
/// addon itself has no domain), else what WHMCS passed.
/// </summary>
internal static class SiteDomain
{
    public static async Task<string> DefaultAsync(EngineServices services, Invocation invocation, CancellationToken ct)
    {
        var p = invocation.Parameters;
        if (p.AddonId is > 0 && p.ServiceId is > 0)
        {
            var parent = await services.Whmcs.ReadServiceAsync(p.ServiceId.Value, ct).ConfigureAwait(false);
            if (parent.Value is { Domain: { Length: > 0 } domain })
            {
                return domain.Trim();
            }
        }

        return p.Domain;
    }
}
