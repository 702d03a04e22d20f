using System.Text.Json.Nodes;

namespace JetpackWhmcs.Chaos.Driving;

/// <summary>The <c>$params</c> WHMCS passes for a step of a service's script (the fields the bridge marshals).</summary>
internal static class ModuleParameters
{
    public const int ProductId = 7;

    /// <summary>As WHMCS hands them to the PHP module: <c>model</c> carries the order id.</summary>
    public static JsonObject ForPhp(ServiceScript script, Step step, string token)
    {
        var p = Common(script, step, token);
        p["model"] = new JsonObject { ["id"] = script.ServiceId, ["orderid"] = script.OrderId };
        return p;
    }

    /// <summary>As the bridge sends them to the service (docs/bridge-protocol.md): <c>orderid</c> read from the model.</summary>
    public static JsonObject ForService(ServiceScript script, Step step, string token)
    {
        var p = Common(script, step, token);
        p["orderid"] = script.OrderId;
        return p;
    }

    private static JsonObject Common(ServiceScript script, Step step, string token) => new()
    {
        ["serviceid"] = script.ServiceId,
        ["pid"] = ProductId,
        ["userid"] = 1000 + (script.ServiceId % 97),
        ["domain"] = script.Domain,
        ["status"] = "Active",
        ["configoption1"] = token,
        ["configoption2"] = step.Product,
        ["configoption3"] = "on",
        ["configoption4"] = script.SuspensionPolicy,
        ["clientsdetails"] = new JsonObject { ["email"] = $"owner-{script.ServiceId}@chaos.example", ["firstname"] = "Chaos", ["lastname"] = "Customer" },
    };
}
