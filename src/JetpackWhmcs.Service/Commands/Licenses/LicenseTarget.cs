using System.Globalization;
using JetpackWhmcs.Ledger;

namespace JetpackWhmcs.Service.Commands.Licenses;

/// <summary>Reads "which licence" the way the commands take it.</summary>
public static class LicenseTarget
{
    /// <summary><c>12</c> or <c>service:12</c> is a service, <c>addon:7</c> an addon; anything else is not an owner (a key).</summary>
    public static LicenseOwner? ParseOwner(string which)
    {
        ArgumentNullException.ThrowIfNull(which);
        which = which.Trim();
        if (long.TryParse(which, NumberStyles.None, CultureInfo.InvariantCulture, out var service))
        {
            return LicenseOwner.Service(service);
        }

        foreach (var (prefix, kind) in new[] { ("service:", OwnerKind.Service), ("addon:", OwnerKind.Addon) })
        {
            if (which.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && long.TryParse(which[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return new LicenseOwner(kind, id);
            }
        }

        return null;
    }
}
