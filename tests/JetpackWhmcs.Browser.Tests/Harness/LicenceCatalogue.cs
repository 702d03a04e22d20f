using System.Globalization;
using System.Text;
using JetpackWhmcs.Ledger.Tests;
using JetpackWhmcs.Provisioning.Security;

namespace JetpackWhmcs.Browser.Tests.Harness;

/// <summary>
/// Thousands of licences as a partner's WHMCS holds them after years of orders: clients, their
/// services of three Jetpack products, and one ledger row each (some revoked), written in bulk with
/// SQL (issuing them one by one through the API would take minutes). These rows are unknown to the
/// sandbox: tests that act on a licence issue their own through the service.
/// </summary>
public sealed class LicenceCatalogue
{
    public const int Clients = 600;
    public const int ServicesPerClient = 5;
    public const int Licences = Clients * ServicesPerClient;

    /// <summary>The products, in the order services cycle through them.</summary>
    public static readonly string[] Slugs = ["jetpack-backup-daily", "jetpack-scan", "jetpack-anti-spam"];

    private LicenceCatalogue(long firstClientId, long firstServiceId, IReadOnlyList<long> productIds)
    {
        FirstClientId = firstClientId;
        FirstServiceId = firstServiceId;
        ProductIds = productIds;
    }

    public long FirstClientId { get; }

    public long FirstServiceId { get; }

    public IReadOnlyList<long> ProductIds { get; }

    /// <summary>The billing cycle of each product's services (WHMCS's names).</summary>
    public static readonly string[] Cycles = ["Monthly", "Annually", "Quarterly"];

    /// <summary>Client n (0-based) is "Client{n:D4} Catalogue", catalogue-{n}@example.net.</summary>
    public static string ClientFirstName(int n) => $"Client{n.ToString("D4", CultureInfo.InvariantCulture)}";

    /// <summary>The licence key of service n (0-based): the product, then a number no other key starts with.</summary>
    public static string Key(int n) => $"{Slugs[n % Slugs.Length]}_cat{n.ToString("D5", CultureInfo.InvariantCulture)}x";

    /// <summary>Every tenth licence is revoked (its service terminated).</summary>
    public static bool IsRevoked(int n) => n % 10 == 9;

    public static async Task<LicenceCatalogue> SeedAsync(TestDatabase database, string token)
    {
        ArgumentNullException.ThrowIfNull(database);
        var products = new List<long>();
        foreach (var slug in Slugs)
        {
            products.Add(await database.AddJetpackProductAsync("Catalogue " + slug, token, slug));
        }

        var firstClient = await NextIdAsync(database, "tblclients");
        var firstService = await NextIdAsync(database, "tblhosting");
        var fingerprint = TokenFingerprint.Of(token);
        const int batch = 500;
        for (var start = 0; start < Clients; start += batch / ServicesPerClient)
        {
            var clients = new StringBuilder("INSERT INTO tblclients (id, firstname, lastname, companyname, email, language, currency) VALUES ");
            for (var c = start; c < Math.Min(Clients, start + (batch / ServicesPerClient)); c++)
            {
                clients.Append(CultureInfo.InvariantCulture, $"{(c == start ? "" : ",")}({firstClient + c}, '{ClientFirstName(c)}', 'Catalogue', '', 'catalogue-{c}@example.net', '', 1)");
            }

            await database.ExecuteAsync(clients.ToString());
        }

        for (var start = 0; start < Licences; start += batch)
        {
            var services = new StringBuilder("INSERT INTO tblhosting (id, userid, orderid, packageid, domain, domainstatus, billingcycle, amount) VALUES ");
            var licences = new StringBuilder(
                "INSERT INTO jetpack_product_licenses (order_id, product_id, license_key, issued_at, revoked_at, service_id, state, active_owner, product_slug, token_fingerprint, updated_at) VALUES ");
            for (var n = start; n < Math.Min(Licences, start + batch); n++)
            {
                var separator = n == start ? "" : ",";
                var serviceId = firstService + n;
                var client = firstClient + (n / ServicesPerClient);
                var product = products[n % Slugs.Length];
                var revoked = IsRevoked(n);
                var issued = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(n * 7).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                services.Append(CultureInfo.InvariantCulture,
                    $"{separator}({serviceId}, {client}, {100000 + n}, {product}, 'site{n}.catalogue.example', '{(revoked ? "Terminated" : "Active")}', '{Cycles[n % Slugs.Length]}', 10.00)");
                licences.Append(CultureInfo.InvariantCulture,
                    $"{separator}({100000 + n}, {product}, '{Key(n)}', '{issued}', {(revoked ? $"'{issued}'" : "NULL")}, {serviceId}, '{(revoked ? "revoked" : "active")}', " +
                    $"{(revoked ? "NULL" : $"'service:{serviceId}'")}, '{Slugs[n % Slugs.Length]}', '{fingerprint}', '{issued}')");
            }

            await database.ExecuteAsync(services.ToString());
            await database.ExecuteAsync(licences.ToString());
        }

        return new LicenceCatalogue(firstClient, firstService, products);
    }

    private static async Task<long> NextIdAsync(TestDatabase database, string table) =>
        (await database.QueryAsync<long>($"SELECT COALESCE(MAX(id), 0) + 1000 FROM {table}")).Single();
}
