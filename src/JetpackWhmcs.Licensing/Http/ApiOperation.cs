namespace JetpackWhmcs.Licensing.Http;

/// <summary>The API's endpoints as the client names them.</summary>
internal enum ApiOperation
{
    GetLicense,
    IssueLicense,
    RevokeLicense,
    AttachLicense,
    DetachLicense,
    ListLicenses,
    GetProductFamilies,
    GetPartnerProductFamilies,
}
