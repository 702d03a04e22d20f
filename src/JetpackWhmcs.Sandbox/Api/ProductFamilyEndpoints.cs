namespace JetpackWhmcs.Sandbox.Api;

/// <summary>GET /product-families (public) and GET /partner/product-families (with prices).</summary>
internal static class ProductFamilyEndpoints
{
    private static readonly ProductFamilyBody[] Public =
    [
        .. SandboxCatalogue.Families.Select(f => new ProductFamilyBody(f.Name, f.Slug, f.Description,
            [.. f.Products.Select(p => (object)new ProductBody(p.ProductId, p.Name, p.Slug))])),
    ];

    private static readonly ProductFamilyBody[] Partner =
    [
        .. SandboxCatalogue.Families.Select(f => new ProductFamilyBody(f.Name, f.Slug, f.Description,
            [.. f.Products.Select(p => (object)new PricedProductBody(p.ProductId, p.Name, p.Slug, p.Currency, p.Amount, p.PriceInterval))])),
    ];

    public static SandboxResponse List(SandboxCall call) => SandboxResponse.Ok(Public);

    public static SandboxResponse ListWithPrices(SandboxCall call) => SandboxResponse.Ok(Partner);
}
