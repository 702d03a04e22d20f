using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using JetpackWhmcs.Benchmarks.Ledger;
using JetpackWhmcs.Benchmarks.Reporting;
using JetpackWhmcs.Service.Bridge;
using JetpackWhmcs.Service.Commands.Serve;
using JetpackWhmcs.Service.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace JetpackWhmcs.Benchmarks.Pages;

/// <summary>
/// Times the admin licence list as WHMCS's addon module asks for it: a signed <c>POST /admin/page</c>
/// to the real service on loopback, timed from sending to the whole answer read (so the figure is the
/// server's time plus one loopback round trip). First page, a deep page through the keyset cursor,
/// searches and filters, on an empty ledger and on <c>rows</c> rows; on MariaDB then once more with
/// WHMCS's client and service tables beside the ledger (owners on every row, search by client).
/// </summary>
internal static class PagesBenchmark
{
    private const int Warmup = 20;

    public static async Task RunAsync(long rows, int calls, string? mySqlServer)
    {
        var table = new ResultTable("database", "rows", "page", "calls", "p50 ms", "p99 ms", "rows shown");
        await using (var sqlite = BenchmarkDatabase.Sqlite())
        {
            await MeasureDatabaseAsync(sqlite, rows, calls, table);
        }

        // Printed as soon as it is known: the MariaDB half takes several minutes more.
        Console.WriteLine();
        Console.WriteLine(table);

        if (mySqlServer is null)
        {
            Console.WriteLine("MariaDB skipped: set JETPACK_WHMCS_TEST_MYSQL (scripts/mariadb.sh start writes it).");
        }
        else
        {
            await using var mariaDb = await BenchmarkDatabase.MariaDbAsync(mySqlServer);
            await MeasureDatabaseAsync(mariaDb, rows, calls, table);
        }

        Console.WriteLine();
        Console.WriteLine(table);
    }

    private static async Task MeasureDatabaseAsync(BenchmarkDatabase database, long rows, int calls, ResultTable table)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), $"jetpack-whmcs-pages-{Guid.NewGuid():N}");
        var app = ServiceHost.Build(new ServeSettings { DataDir = dataDir }, "http://127.0.0.1:0", new Dictionary<string, string?>
        {
            ["Database"] = database.ConnectionString,
            ["AcceptNewLedger"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        try
        {
            await ServiceHost.StartAsync(app);
            using var http = new HttpClient { BaseAddress = ServiceHost.Address(app) };
            var secret = app.Services.GetRequiredService<BridgeSecret>();
            await MeasurePagesAsync(database, http, secret, 0, calls, table);

            var started = Stopwatch.GetTimestamp();
            LedgerFiller.Fill(database, rows);
            AddSitesAndTokens(database);
            Console.WriteLine($"{database.Provider}: filled {rows:N0} rows in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
            await MeasurePagesAsync(database, http, secret, rows, calls, table);

            if (database.IsMySql)
            {
                // WHMCS's own tables beside the ledger, as in production: owners on every row, client search.
                started = Stopwatch.GetTimestamp();
                WhmcsClientsFiller.Fill(database, rows);
                Console.WriteLine($"{database.Provider}: filled WHMCS's tables ({rows:N0} services, {WhmcsClientsFiller.ClientsFor(rows):N0} clients) in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
                await MeasureClientPagesAsync(database, http, secret, rows, calls, table);
            }
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Directory.Delete(dataDir, recursive: true);
        }
    }

    /// <summary>Gives the service and addon rows a site and one of four token fingerprints, as issued licences have.</summary>
    private static void AddSitesAndTokens(BenchmarkDatabase database)
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        var site = database.IsMySql ? "CONCAT('https://site', id, '.example.com')" : "'https://site' || id || '.example.com'";
        command.CommandText =
            $"UPDATE jetpack_product_licenses SET attached_site = {site}, token_fingerprint = CASE id % 4 WHEN 0 THEN 'fp-a' WHEN 1 THEN 'fp-b' WHEN 2 THEN 'fp-c' ELSE 'fp-d' END, " +
            "issued_at = issued_at WHERE service_id IS NOT NULL";
        command.CommandTimeout = 600;
        command.ExecuteNonQuery();
        command.CommandText = database.IsMySql ? "ANALYZE TABLE jetpack_product_licenses" : "ANALYZE";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
        }
    }

    private static async Task MeasurePagesAsync(BenchmarkDatabase database, HttpClient http, BridgeSecret secret, long rows, int calls, ResultTable table)
    {
        var middle = Math.Max(1, rows / 2).ToString(CultureInfo.InvariantCulture);
        // A key without its last two digits: up to 100 licences share the prefix.
        var keyPrefix = LedgerFiller.KeyOf(Math.Max(1, rows / 3))[..^2];
        var serviceRow = Enumerable.Range(0, 10).Select(k => Math.Max(1, rows / 4) + k).First(LedgerFiller.IsActiveService);
        (string Name, JsonObject Query)[] cases =
        [
            ("first page (newest first)", new JsonObject { ["page"] = "licenses" }),
            ("deep page (cursor in the middle)", new JsonObject { ["page"] = "licenses", ["after"] = middle }),
            ("deep page, oldest first", new JsonObject { ["page"] = "licenses", ["sort"] = "oldest", ["after"] = middle }),
            ("search: key prefix", new JsonObject { ["page"] = "licenses", ["q"] = keyPrefix, ["by"] = "key" }),
            ("search: site prefix", new JsonObject { ["page"] = "licenses", ["q"] = $"site{serviceRow}", ["by"] = "domain" }),
            ("search: broad key prefix (every row)", new JsonObject { ["page"] = "licenses", ["q"] = "jetpack-", ["by"] = "key" }),
            ("search: service id", new JsonObject { ["page"] = "licenses", ["q"] = serviceRow.ToString(CultureInfo.InvariantCulture), ["by"] = "service" }),
            ("filter: state revoked", new JsonObject { ["page"] = "licenses", ["state"] = "revoked" }),
            ("filter: state pending (none)", new JsonObject { ["page"] = "licenses", ["state"] = "pending" }),
            ("filter: token + product, deep", new JsonObject { ["page"] = "licenses", ["fingerprint"] = "fp-c", ["product"] = "jetpack-backup-daily", ["after"] = middle }),
        ];
        await MeasureCasesAsync(database, http, secret, rows, calls, table, cases);
    }

    /// <summary>The list with WHMCS's clients and services present: owners shown on every row, search by client.</summary>
    private static async Task MeasureClientPagesAsync(BenchmarkDatabase database, HttpClient http, BridgeSecret secret, long rows, int calls, ResultTable table)
    {
        var client = WhmcsClientsFiller.ClientsFor(rows) / 3;
        (string Name, JsonObject Query)[] cases =
        [
            ("WHMCS tables: first page with owners", new JsonObject { ["page"] = "licenses" }),
            ("WHMCS tables: deep page with owners", new JsonObject { ["page"] = "licenses", ["after"] = Math.Max(1, rows / 2).ToString(CultureInfo.InvariantCulture) }),
            ("WHMCS tables: search client e-mail", new JsonObject { ["page"] = "licenses", ["q"] = $"client{client}@", ["by"] = "client" }),
            ("WHMCS tables: search client first + last name", new JsonObject { ["page"] = "licenses", ["q"] = $"First{client} Last{client}", ["by"] = "client" }),
            ("WHMCS tables: search client, broad (capped)", new JsonObject { ["page"] = "licenses", ["q"] = "First1", ["by"] = "client" }),
        ];
        await MeasureCasesAsync(database, http, secret, rows, calls, table, cases);
    }

    private static async Task MeasureCasesAsync(BenchmarkDatabase database, HttpClient http, BridgeSecret secret, long rows, int calls, ResultTable table, (string Name, JsonObject Query)[] cases)
    {
        foreach (var (name, query) in cases)
        {
            var shown = 0;
            for (var i = 0; i < Warmup; i++)
            {
                shown = await CallAsync(http, secret, query);
            }

            var timings = new Timings();
            for (var i = 0; i < calls; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await CallAsync(http, secret, query);
                timings.Add(Stopwatch.GetElapsedTime(started));
            }

            table.Add(database.Provider, rows.ToString("N0", CultureInfo.InvariantCulture), name, calls, timings.Percentile(50) / 1000, timings.Percentile(99) / 1000, shown);
        }
    }

    /// <summary>One signed page call; returns how many licence rows the page shows.</summary>
    private static async Task<int> CallAsync(HttpClient http, BridgeSecret secret, JsonObject query)
    {
        var body = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["admin"] = new JsonObject { ["id"] = 1, ["username"] = "bench" },
            ["method"] = "GET",
            ["modulelink"] = "addonmodules.php?module=jetpack",
            ["query"] = query.DeepClone(),
            ["csrf"] = "bench",
        }.ToJsonString());
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("admin/page", UriKind.Relative)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(BridgeSignature.TimestampHeader, timestamp);
        request.Headers.Add(BridgeSignature.NonceHeader, nonce);
        request.Headers.Add(BridgeSignature.SignatureHeader, BridgeSignature.ComputeHex(secret.Key, "admin/page", timestamp, nonce, body));
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The page call failed with {(int)response.StatusCode}: {text}");
        }

        var html = JsonNode.Parse(text)?["html"]?.GetValue<string>() ?? "";
        return CountOccurrences(html, "page=license&amp;id=");
    }

    private static int CountOccurrences(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
