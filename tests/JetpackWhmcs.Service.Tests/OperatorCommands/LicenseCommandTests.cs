using System.Text.Json.Nodes;

namespace JetpackWhmcs.Service.Tests.OperatorCommands;

public sealed class LicenseCommandTests
{
    [Fact]
    public async Task A_refused_issue_names_the_Jetpack_request_id_once()
    {
        await using var cli = await CliHarness.StartAsync();
        Assert.Equal(0, (await cli.RunAsync("migrate")).Exit);

        var refused = await cli.RunAsync("licenses", "issue", "12", "--product", "jetpack-scan", "--token", "not-a-partner-token");

        Assert.Equal(1, refused.Exit);
        var requestId = Assert.Single(cli.Sandbox.Requests, r => r.StatusCode == 403).RequestId;
        Assert.Equal(1, CountOf(refused.Output, requestId));
        Assert.DoesNotContain("not-a-partner-token", refused.Output, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    [Fact]
    public async Task Migrate_issue_list_show_attach_detach_reissue_revoke_work_against_sqlite_and_the_sandbox()
    {
        await using var cli = await CliHarness.StartAsync();
        const string token = CliHarness.Token;

        var migrate = await cli.RunAsync("migrate");
        Assert.True(migrate.Exit == 0, migrate.Output);
        Assert.Contains("Migrated SQLite file", migrate.Output, StringComparison.Ordinal);

        var issue = await cli.RunAsync("licenses", "issue", "12", "--product", "jetpack-scan", "--token", token);
        Assert.True(issue.Exit == 0, issue.Output);
        Assert.Contains("issued a licence for service:12 (Jetpack request id ", issue.Output, StringComparison.Ordinal);
        var key = Assert.Single(cli.Sandbox.Store.LicensesOf(token)).LicenseKey;
        Assert.Contains(key, issue.Output, StringComparison.Ordinal);

        var addon = await cli.RunAsync("licenses", "issue", "addon:3", "--parent-service", "12", "--product", "jetpack-anti-spam", "--token", token);
        Assert.True(addon.Exit == 0, addon.Output);

        var list = await cli.RunAsync("licenses", "list", "--json");
        Assert.Equal(0, list.Exit);
        var rows = JsonNode.Parse(list.Output)!.AsArray();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r!["license_key"]!.ToString() == key && r["state"]!.ToString() == "active" && r["service_id"]!.GetValue<long>() == 12);

        var filtered = await cli.RunAsync("licenses", "list", "--json", "--product", "jetpack-anti-spam");
        Assert.Single(JsonNode.Parse(filtered.Output)!.AsArray());

        var show = await cli.RunAsync("licenses", "show", "12");
        Assert.True(show.Exit == 0, show.Output);
        Assert.Contains(key, show.Output, StringComparison.Ordinal);
        Assert.Contains("issue", show.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await cli.RunAsync("licenses", "show", key)).Exit);

        var attach = await cli.RunAsync("licenses", "attach", "12", "--site", "https://blog.example.com/", "--token", token);
        Assert.True(attach.Exit == 0, attach.Output);
        Assert.True(cli.Sandbox.Store.Find(token, key)!.IsAttached);

        var detach = await cli.RunAsync("licenses", "detach", "12", "--token", token);
        Assert.True(detach.Exit == 0, detach.Output);
        Assert.False(cli.Sandbox.Store.Find(token, key)!.IsAttached);

        var reissue = await cli.RunAsync("licenses", "reissue", "12", "--token", token);
        Assert.True(reissue.Exit == 0, reissue.Output);
        Assert.True(cli.Sandbox.Store.Find(token, key)!.IsRevoked);

        var revoke = await cli.RunAsync("licenses", "revoke", "12", "--token", token);
        Assert.True(revoke.Exit == 0, revoke.Output);
        Assert.Contains("revoked the licence for service:12", revoke.Output, StringComparison.Ordinal);
        // The first scan licence (replaced by reissue) and its successor (revoked) are revoked; the addon's stays.
        Assert.Equal(2, cli.Sandbox.Store.LicensesOf(token).Count(l => l.IsRevoked));
        Assert.Equal("jetpack-anti-spam", Assert.Single(cli.Sandbox.Store.LicensesOf(token), l => !l.IsRevoked).ProductSlug);

        var revokedList = await cli.RunAsync("licenses", "list", "--state", "revoked", "--service", "12", "--json");
        Assert.Equal(2, JsonNode.Parse(revokedList.Output)!.AsArray().Count);
    }

    [Fact]
    public async Task A_licence_command_finds_the_token_of_a_row_among_the_configured_tokens()
    {
        await using var cli = await CliHarness.StartAsync();
        var config = Path.Combine(cli.DataDir, "tokens.json");
        await File.WriteAllTextAsync(config, $$"""{ "Tokens": ["another-partners-token", "{{CliHarness.Token}}"] }""");
        await cli.RunAsync("migrate");
        Assert.Equal(0, (await cli.RunAsync("licenses", "issue", "addon:9", "--parent-service", "2", "--product", "jetpack-scan", "--token", CliHarness.Token)).Exit);

        var revoke = await cli.RunAsync("licenses", "revoke", "addon:9", "--config", config);

        Assert.True(revoke.Exit == 0, revoke.Output);
        Assert.True(Assert.Single(cli.Sandbox.Store.LicensesOf(CliHarness.Token)).IsRevoked);
    }

    [Fact]
    public async Task Commands_fail_with_one_clear_sentence_and_exit_code_1()
    {
        await using var cli = await CliHarness.StartAsync();
        await cli.RunAsync("migrate");

        var noToken = await cli.RunAsync("licenses", "issue", "5", "--product", "jetpack-scan");
        Assert.Equal(1, noToken.Exit);
        Assert.Contains("No partner token is known for service:5: give it with --token", noToken.Output, StringComparison.Ordinal);

        var unknown = await cli.RunAsync("licenses", "show", "999");
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("The ledger holds no licence for service:999", unknown.Output, StringComparison.Ordinal);

        var noProduct = await cli.RunAsync("licenses", "issue", "5", "--token", CliHarness.Token);
        Assert.Equal(1, noProduct.Exit);
        Assert.Contains("--product", noProduct.Output, StringComparison.Ordinal);

        var badToken = await cli.RunAsync("licenses", "issue", "5", "--product", "jetpack-scan", "--token", "wrong-token");
        Assert.Equal(1, badToken.Exit);
        Assert.Contains("Could not issue the licence of service:5", badToken.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-token", badToken.Output, StringComparison.Ordinal);

        var badState = await cli.RunAsync("licenses", "list", "--state", "gone");
        Assert.Equal(1, badState.Exit);
        Assert.Contains("--state 'gone' is not one of pending, active, revoked", badState.Output, StringComparison.Ordinal);

        var badConfig = await cli.RunRawAsync("licenses", "list", "--api-url", "not a url");
        Assert.Equal(1, badConfig.Exit);
        Assert.Contains("The configuration is invalid: ApiUrl (--api-url) 'not a url' is not an absolute http(s) URL.", badConfig.Output, StringComparison.Ordinal);

        var badTimeouts = await cli.RunRawAsync("migrate", "--attempt-timeout", "60", "--overall-timeout", "10");
        Assert.Equal(1, badTimeouts.Exit);
        Assert.Contains("must not exceed OverallTimeout", badTimeouts.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", badTimeouts.Output, StringComparison.Ordinal);
    }
}
