using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace JetpackWhmcs.Sandbox.Api;

/// <summary>The API's JSON shapes, with the API's own field names.</summary>
internal static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

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

internal sealed record LicenseBody(
    [property: JsonPropertyName("license_id")] long LicenseId,
    [property: JsonPropertyName("license_key")] string LicenseKey,
    [property: JsonPropertyName("issued_at")] string IssuedAt,
    [property: JsonPropertyName("revoked_at")] string? RevokedAt);

internal sealed record LicenseListItem(
    [property: JsonPropertyName("license_id")] long LicenseId,
    [property: JsonPropertyName("license_key")] string LicenseKey,
    [property: JsonPropertyName("product")] string Product,
    [property: JsonPropertyName("product_id")] long ProductId,
    [property: JsonPropertyName("blog_id")] long? BlogId,
    [property: JsonPropertyName("siteurl")] string? SiteUrl,
    [property: JsonPropertyName("issued_at")] string IssuedAt,
    [property: JsonPropertyName("attached_at")] string? AttachedAt,
    [property: JsonPropertyName("revoked_at")] string? RevokedAt,
    [property: JsonPropertyName("owner_type")] string OwnerType);

internal sealed record LicensePageBody(
    [property: JsonPropertyName("items")] IReadOnlyList<LicenseListItem> Items,
    [property: JsonPropertyName("current_page")] int CurrentPage,
    [property: JsonPropertyName("current_items")] int CurrentItems,
    [property: JsonPropertyName("items_per_page")] int ItemsPerPage,
    [property: JsonPropertyName("total_items")] int TotalItems,
    [property: JsonPropertyName("total_pages")] int TotalPages);

internal sealed record ProductFamilyBody(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("slug")] string Slug,
    [property: JsonPropertyName("description"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description,
    [property: JsonPropertyName("products")] IReadOnlyList<object> Products);

internal sealed record ProductBody(
    [property: JsonPropertyName("product_id")] long ProductId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("slug")] string Slug);

internal sealed record PricedProductBody(
    [property: JsonPropertyName("product_id")] long ProductId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("slug")] string Slug,
    [property: JsonPropertyName("currency")] string Currency,
    [property: JsonPropertyName("amount")] decimal Amount,
    [property: JsonPropertyName("price_interval")] string PriceInterval);

internal sealed record ErrorBody(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("data")] ErrorData Data);

internal sealed record ErrorData([property: JsonPropertyName("status")] int Status);
