using System.Text.Json;
using JetpackWhmcs.Ledger;

namespace JetpackWhmcs.Provisioning.Parameters;

/// <summary>
/// The subset of WHMCS's <c>$params</c> the engine uses (docs/bridge-protocol.md), validated: ids are
/// non-negative integers (JSON numbers or numeric strings), strings are bounded and free of control
/// characters. Anything else is refused before the engine writes to the ledger or calls the API.
/// </summary>
public sealed record ModuleParameters
{
    /// <summary>How many <c>configoptionN</c> WHMCS can send.</summary>
    public const int ConfigOptionCount = 24;

    /// <summary>The longest module setting accepted (a partner token is far shorter).</summary>
    public const int MaxConfigOptionLength = 512;

    /// <summary>The longest domain accepted (WHMCS stores it in a varchar(255)).</summary>
    public const int MaxDomainLength = 255;

    private const int MaxShortStringLength = 255;

    private static readonly string[] NumericKeys = ["serviceid", "addonId", "orderid", "pid", "userid"];

    /// <summary>The WHMCS service id (for an addon call: the parent service).</summary>
    public long? ServiceId { get; init; }

    /// <summary>The WHMCS addon id (tblhostingaddons.id) on an addon call.</summary>
    public long? AddonId { get; init; }

    /// <summary>The WHMCS order id.</summary>
    public long OrderId { get; init; }

    /// <summary>The WHMCS product id (<c>pid</c>; for an addon, the parent's product).</summary>
    public long ProductId { get; init; }

    /// <summary>The WHMCS client id.</summary>
    public long UserId { get; init; }

    /// <summary>The service's domain as the customer entered it (may be empty).</summary>
    public string Domain { get; init; } = "";

    /// <summary>The service status, when WHMCS sent it.</summary>
    public string? Status { get; init; }

    /// <summary>
    /// The site a client picked or typed in the client area (<c>jetpack_site</c>, from the guide's form),
    /// trimmed; empty when none was sent. Validated by the client actions, not here.
    /// </summary>
    public string RequestedSite { get; init; } = "";

    /// <summary>The client's e-mail address, when sent.</summary>
    public string? ClientEmail { get; init; }

    /// <summary><c>configoption1</c> … <c>configoption24</c> (index 0 is <c>configoption1</c>); missing ones are empty.</summary>
    public IReadOnlyList<string> ConfigOptions { get; init; } = new string[ConfigOptionCount];

    /// <summary>The licence owner: the addon when <c>addonId</c> is set and positive, else the service; null when neither is.</summary>
    public LicenseOwner? Owner =>
        AddonId is > 0 ? LicenseOwner.Addon(AddonId.Value)
        : ServiceId is > 0 ? LicenseOwner.Service(ServiceId.Value)
        : null;

    /// <summary>The parent service of an addon owner.</summary>
    public long? ParentServiceId => AddonId is > 0 && ServiceId is > 0 ? ServiceId : null;

    /// <summary>The module settings, typed.</summary>
    public ModuleSettings Settings => new(ConfigOptions);

    /// <summary>
    /// Reads the marshalled <c>$params</c>. An empty JSON array (PHP's empty array), null or an
    /// absent body read as no parameters. False with a sentence for anything malformed.
    /// </summary>
    public static bool TryParse(JsonElement json, out ModuleParameters parameters, out string error)
    {
        parameters = new ModuleParameters { ConfigOptions = Empty() };
        error = "";
        switch (json.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return true;
            case JsonValueKind.Array when json.GetArrayLength() == 0:
                return true;
            case JsonValueKind.Object:
                break;
            default:
                error = "The module parameters are not a JSON object; update the Jetpack bridge module and try again.";
                return false;
        }

        var numbers = new Dictionary<string, long?>(StringComparer.Ordinal);
        foreach (var key in NumericKeys)
        {
            if (!TryReadId(json, key, out var value, out error))
            {
                return false;
            }

            numbers[key] = value;
        }

        var options = Empty();
        for (var i = 1; i <= ConfigOptionCount; i++)
        {
            if (!TryReadString(json, $"configoption{i}", MaxConfigOptionLength, out var option, out error))
            {
                return false;
            }

            options[i - 1] = option?.Trim() ?? "";
        }

        if (!TryReadString(json, "domain", MaxDomainLength, out var domain, out error)
            || !TryReadString(json, "status", MaxShortStringLength, out var status, out error)
            || !TryReadString(json, "jetpack_site", MaxDomainLength, out var requestedSite, out error))
        {
            return false;
        }

        string? email = null;
        if (json.TryGetProperty("clientsdetails", out var client))
        {
            // PHP encodes an empty array as [], so that and null read as "no client details".
            var empty = client.ValueKind is JsonValueKind.Null || (client.ValueKind == JsonValueKind.Array && client.GetArrayLength() == 0);
            if (!empty && client.ValueKind != JsonValueKind.Object)
            {
                error = "The parameter 'clientsdetails' must be an object; update the Jetpack bridge module and try again.";
                return false;
            }

            if (client.ValueKind == JsonValueKind.Object && !TryReadString(client, "email", MaxShortStringLength, out email, out error))
            {
                return false;
            }
        }

        parameters = new ModuleParameters
        {
            ServiceId = numbers["serviceid"],
            AddonId = numbers["addonId"],
            OrderId = numbers["orderid"] ?? 0,
            ProductId = numbers["pid"] ?? 0,
            UserId = numbers["userid"] ?? 0,
            Domain = domain?.Trim() ?? "",
            Status = status,
            RequestedSite = requestedSite?.Trim() ?? "",
            ClientEmail = email,
            ConfigOptions = options,
        };
        return true;
    }

    private static string[] Empty() => Enumerable.Repeat("", ConfigOptionCount).ToArray();

    private static bool TryReadId(JsonElement json, string key, out long? value, out string error)
    {
        value = null;
        error = "";
        if (!json.TryGetProperty(key, out var element))
        {
            return true;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.Number when element.TryGetInt64(out var number) && number >= 0:
                value = number;
                return true;
            case JsonValueKind.String:
                var text = element.GetString() ?? "";
                if (text.Length == 0)
                {
                    return true;
                }

                if (text.Length <= 18 && text.All(char.IsAsciiDigit))
                {
                    value = long.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
                    return true;
                }

                break;
        }

        error = $"The parameter '{key}' must be a non-negative whole number; check the service in WHMCS and try again.";
        return false;
    }

    private static bool TryReadString(JsonElement json, string key, int maxLength, out string? value, out string error)
    {
        value = null;
        error = "";
        if (!json.TryGetProperty(key, out var element))
        {
            return true;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.String:
                value = element.GetString() ?? "";
                break;
            case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                // PHP sends some settings as numbers or booleans; their text form is what WHMCS stored.
                value = element.ValueKind switch
                {
                    JsonValueKind.True => "1",
                    JsonValueKind.False => "",
                    _ => element.GetRawText(),
                };
                break;
            default:
                error = $"The parameter '{key}' must be text; check the service's settings in WHMCS and try again.";
                return false;
        }

        if (value.Length > maxLength)
        {
            value = null;
            error = $"The parameter '{key}' is longer than {maxLength} characters; shorten it in WHMCS and try again.";
            return false;
        }

        if (value.Any(char.IsControl))
        {
            value = null;
            error = $"The parameter '{key}' contains control characters; correct it in WHMCS and try again.";
            return false;
        }

        return true;
    }
}
