namespace JetpackWhmcs.Sandbox;

/// <summary>The API endpoints the sandbox serves; fault knobs can target each one.</summary>
public enum SandboxEndpoint
{
    /// <summary>GET /license</summary>
    GetLicense,

    /// <summary>POST /license</summary>
    IssueLicense,

    /// <summary>DELETE /license</summary>
    RevokeLicense,

    /// <summary>POST /license/{key}/site</summary>
    AttachLicense,

    /// <summary>DELETE /license/{key}/site</summary>
    DetachLicense,

    /// <summary>GET /licenses</summary>
    ListLicenses,

    /// <summary>GET /product-families (no token)</summary>
    ProductFamilies,

    /// <summary>GET /partner/product-families</summary>
    PartnerProductFamilies,
}
