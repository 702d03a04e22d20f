namespace JetpackWhmcs.Sandbox.Control;

/// <summary>One licence as <c>GET /_sandbox/licenses</c> lists it: the store's view, with the product slug the API's list leaves out.</summary>
internal sealed record ControlLicense(
    long LicenseId,
    string LicenseKey,
    string ProductSlug,
    string IssuedAt,
    string? RevokedAt,
    long? BlogId,
    string? SiteUrl)
{
    public static ControlLicense From(SandboxLicense license) => new(
        license.LicenseId,
        license.LicenseKey,
        license.ProductSlug,
        Api.ApiJson.Timestamp(license.IssuedAt),
        Api.ApiJson.Timestamp(license.RevokedAt),
        license.BlogId,
        license.SiteUrl);
}

/// <summary><c>GET /_sandbox/licenses</c>: every licence of one token, revoked ones included, in issue order.</summary>
internal sealed record ControlLicensesBody(int Total, int Active, IReadOnlyList<ControlLicense> Items);
