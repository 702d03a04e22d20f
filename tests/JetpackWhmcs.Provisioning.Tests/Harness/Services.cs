namespace JetpackWhmcs.Provisioning.Tests.Harness;

/// <summary>WHMCS-shaped parameters for test services and addons.</summary>
public static class Services
{
    /// <summary>A product service: settings 1-6 as WHMCS would store them.</summary>
    public static Dictionary<string, object?> Product(
        long serviceId,
        string slug = "jetpack-backup-daily",
        string domain = "",
        long orderId = 500,
        long pid = 9,
        string show = "on",
        string policy = "keep",
        string attachOnCreate = "",
        string token = EngineHarness.Token) => new()
        {
            ["serviceid"] = serviceId,
            ["orderid"] = orderId,
            ["pid"] = pid,
            ["userid"] = 3,
            ["domain"] = domain,
            ["configoption1"] = token,
            ["configoption2"] = slug,
            ["configoption3"] = show,
            ["configoption4"] = policy,
            ["configoption5"] = attachOnCreate,
            ["configoption6"] = "",
            ["clientsdetails"] = new Dictionary<string, object?> { ["email"] = "customer@example.com", ["firstname"] = "Ada", ["lastname"] = "L" },
        };

    /// <summary>A product addon on a parent service (numbers as PHP strings, as WHMCS often sends them).</summary>
    public static Dictionary<string, object?> Addon(long parentServiceId, long addonId, string slug, string domain = "", long orderId = 500, long pid = 9)
    {
        var p = Product(parentServiceId, slug, domain, orderId, pid);
        p["addonId"] = addonId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        p["serviceid"] = parentServiceId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return p;
    }

    public static Dictionary<string, object?> With(this Dictionary<string, object?> p, string key, object? value)
    {
        var copy = new Dictionary<string, object?>(p) { [key] = value };
        return copy;
    }
}
