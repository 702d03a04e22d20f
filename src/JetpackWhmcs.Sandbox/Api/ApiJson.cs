using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace JetpackWhmcs.Sandbox.Api;

/// <summary>The API's JSON shapes, with the API's own field names.</summary>
internal static class ApiJson
{
    // Messages quote keys with apostrophes; relaxed escaping writes them as the API does, not as \u0027.
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string? Timestamp(DateTimeOffset? at) => at is { } value ? Timestamp(value) : null;

    public static LicenseBody License(SandboxLicense l) =>
        new(l.LicenseId, l.LicenseKey, Timestamp(l.IssuedAt), Timestamp(l.RevokedAt));

    public static LicenseListItem ListItem(SandboxLicense l) =>
        new(l.LicenseId, l.LicenseKey, l.ProductName, l.ProductId, l.BlogId, l.SiteUrl, Timestamp(l.IssuedAt),
            Timestamp(l.AttachedAt), Timestamp(l.RevokedAt), l.OwnerType);

    public static ErrorBody Error(ApiError error) => new(error.Code, error.Message, new ErrorData(error.Status));
}
