using System.Text.Json;
using System.Text.Json.Nodes;

namespace JetpackWhmcs.Benchmarks.Support;

/// <summary>The params WHMCS hands a Jetpack product's module call, as the bridge marshals them.</summary>
internal static class WhmcsParams
{
    public const string Token = "bench-token";

    public const string Product = "jetpack-backup-daily";

    /// <summary>A service's params; <paramref name="showLicense"/> is the product's "Show User License" setting.</summary>
    public static JsonObject ForService(long serviceId, string product = Product, bool showLicense = true) => new()
    {
        ["serviceid"] = serviceId,
        ["orderid"] = 10_000 + serviceId,
        ["pid"] = 3,
        ["userid"] = 1,
        ["domain"] = $"site{serviceId}.example",
        ["configoption1"] = Token,
        ["configoption2"] = product,
        ["configoption3"] = showLicense ? "on" : "",
    };

    /// <summary>The same params as the element the engine takes.</summary>
    public static JsonElement Element(JsonObject parameters) => JsonSerializer.SerializeToElement(parameters);
}
