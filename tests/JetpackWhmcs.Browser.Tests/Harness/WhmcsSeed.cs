using System.Globalization;
using System.Text.Json.Nodes;
using JetpackWhmcs.Ledger.Tests;

namespace JetpackWhmcs.Browser.Tests.Harness;

/// <summary>Rows in WHMCS's tables, as WHMCS writes them when staff set up products and clients order them.</summary>
public static class WhmcsSeed
{
    /// <summary>A client; returns its id.</summary>
    public static Task<long> AddClientAsync(this TestDatabase database, string firstName, string lastName, string email, string language = "") =>
        InsertAsync(database,
            "INSERT INTO tblclients (firstname, lastname, companyname, email, language, currency, status) VALUES (@FirstName, @LastName, '', @Email, @Language, 1, 'Active')",
            new { FirstName = firstName, LastName = lastName, Email = email, Language = language });

    /// <summary>A Jetpack product (module jetpack, the original's three settings); returns its id.</summary>
    public static Task<long> AddJetpackProductAsync(this TestDatabase database, string name, string token, string slug, bool showLicence = true) =>
        InsertAsync(database,
            "INSERT INTO tblproducts (gid, type, name, description, hidden, servertype, configoption1, configoption2, configoption3, paytype) " +
            "VALUES (0, 'other', @Name, '', 0, 'jetpack', @Token, @Slug, @Show, 'recurring')",
            new { Name = name, Token = token, Slug = slug, Show = showLicence ? "on" : "" });

    /// <summary>A service of <paramref name="productId"/> for <paramref name="clientId"/>; returns its id.</summary>
    public static Task<long> AddServiceAsync(this TestDatabase database, long clientId, long productId, string domain, string status = "Active", long orderId = 0) =>
        InsertAsync(database,
            "INSERT INTO tblhosting (userid, orderid, packageid, domain, domainstatus, billingcycle, amount) VALUES (@Client, @Order, @Product, @Domain, @Status, 'Monthly', 10.00)",
            new { Client = clientId, Order = orderId, Product = productId, Domain = domain, Status = status });

    /// <summary>The $params WHMCS passes for a product service (what the PHP bridge marshals).</summary>
    public static JsonObject ServiceParams(long serviceId, long productId, long clientId, string domain, string token, string slug, long orderId = 0) => new()
    {
        ["serviceid"] = serviceId,
        ["pid"] = productId,
        ["userid"] = clientId,
        ["orderid"] = orderId,
        ["domain"] = domain,
        ["configoption1"] = token,
        ["configoption2"] = slug,
        ["configoption3"] = "on",
    };

    private static async Task<long> InsertAsync(TestDatabase database, string insert, object values)
    {
        await using var connection = await database.OpenAsync();
        using var command = connection.CreateCommand();
        await Dapper.SqlMapper.ExecuteAsync(connection, insert, values);
        command.CommandText = "SELECT LAST_INSERT_ID()";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
