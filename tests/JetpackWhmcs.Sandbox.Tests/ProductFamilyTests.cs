using System.Text.Json;

namespace JetpackWhmcs.Sandbox.Tests;

public sealed class ProductFamilyTests
{
    private static readonly string[] OpenApiSlugs =
    [
        "free", "personal", "premium", "professional", "jetpack-backup-daily", "jetpack-backup-realtime",
        "jetpack-scan", "jetpack-anti-spam", "jetpack-security-daily", "jetpack-security-realtime", "jetpack-complete",
    ];

    [Fact]
    public async Task Public_product_families_need_no_token_and_list_every_slug_without_prices()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var families = await sandbox.CallAsync(HttpMethod.Get, "product-families", token: null);

        var products = families.EnumerateArray().SelectMany(f => f.GetProperty("products").EnumerateArray()).ToList();
        Assert.Equal(OpenApiSlugs.Order(StringComparer.Ordinal), products.Select(p => p.GetProperty("slug").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(products, p =>
        {
            Assert.True(p.GetProperty("product_id").GetInt64() > 0);
            Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("name").GetString()));
            Assert.False(p.TryGetProperty("amount", out _));
        });
        var packs = families.EnumerateArray().Single(f => f.GetProperty("name").GetString() == "Jetpack Packs");
        Assert.Equal(["jetpack-security-daily", "jetpack-security-realtime", "jetpack-complete"],
            packs.GetProperty("products").EnumerateArray().Select(p => p.GetProperty("slug").GetString()));
        Assert.True(packs.TryGetProperty("description", out _));
        Assert.Contains(families.EnumerateArray(), f => !f.TryGetProperty("description", out _));
    }

    [Fact]
    public async Task Partner_product_families_carry_prices()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var families = await sandbox.CallAsync(HttpMethod.Get, "partner/product-families");

        var products = families.EnumerateArray().SelectMany(f => f.GetProperty("products").EnumerateArray()).ToList();
        Assert.Equal(OpenApiSlugs.Length, products.Count);
        Assert.All(products, p =>
        {
            Assert.Equal("usd", p.GetProperty("currency").GetString());
            Assert.Equal(JsonValueKind.Number, p.GetProperty("amount").ValueKind);
            Assert.Contains(p.GetProperty("price_interval").GetString(), new[] { "month", "day" });
        });
        var backup = products.Single(p => p.GetProperty("slug").GetString() == "jetpack-backup-daily");
        Assert.Equal("Jetpack Backup (Daily)", backup.GetProperty("name").GetString());
        Assert.True(backup.GetProperty("amount").GetDecimal() > 0);
    }
}
