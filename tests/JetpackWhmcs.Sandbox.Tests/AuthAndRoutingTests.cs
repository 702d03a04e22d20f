namespace JetpackWhmcs.Sandbox.Tests;

public sealed class AuthAndRoutingTests
{
    public static TheoryData<string, string> TokenEndpoints => new()
    {
        { "GET", "license?license_key=free_x" },
        { "POST", "license?product=free" },
        { "DELETE", "license?license_key=free_x" },
        { "POST", "license/free_x/site?site=example.com" },
        { "DELETE", "license/free_x/site" },
        { "GET", "licenses" },
        { "GET", "partner/product-families" },
    };

    [Theory]
    [MemberData(nameof(TokenEndpoints))]
    public async Task Every_partner_endpoint_answers_403_invalid_token_without_or_with_a_wrong_token(string method, string path)
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        var missing = await sandbox.CallAsync(new HttpMethod(method), path, 403, token: null);
        var wrong = await sandbox.CallAsync(new HttpMethod(method), path, 403, token: "not-a-partner");

        SandboxHarness.AssertError(missing, "invalid_token");
        SandboxHarness.AssertError(wrong, "invalid_token");
        Assert.Equal(0, sandbox.Server.Store.TotalCount);
    }

    [Fact]
    public async Task A_token_does_not_see_or_touch_another_tokens_licences()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var keyOfA = await sandbox.IssueAsync(token: SandboxHarness.TokenA);
        await sandbox.IssueAsync(token: SandboxHarness.TokenB);

        var get = await sandbox.CallAsync(HttpMethod.Get, $"license?license_key={keyOfA}", 404, SandboxHarness.TokenB);
        var revoke = await sandbox.CallAsync(HttpMethod.Delete, $"license?license_key={keyOfA}", 404, SandboxHarness.TokenB);
        var attach = await sandbox.CallAsync(HttpMethod.Post, $"license/{keyOfA}/site?site=example.com", 404, SandboxHarness.TokenB);
        var listOfB = await sandbox.CallAsync(HttpMethod.Get, "licenses", token: SandboxHarness.TokenB);

        SandboxHarness.AssertError(get, "license_not_found");
        SandboxHarness.AssertError(revoke, "license_not_found");
        SandboxHarness.AssertError(attach, "license_not_found");
        Assert.Equal(1, listOfB.GetProperty("total_items").GetInt32());
        Assert.DoesNotContain(keyOfA, listOfB.GetRawText(), StringComparison.Ordinal);
        Assert.False(sandbox.Server.Store.Find(SandboxHarness.TokenA, keyOfA)!.IsRevoked);
    }

    [Fact]
    public async Task Every_answer_has_a_unique_request_id_errors_included()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        var ids = new List<string>();
        string[] paths = ["product-families", "licenses", "license?license_key=nope", "license", "no/such/route"];
        for (var round = 0; round < 10; round++)
        {
            foreach (var path in paths)
            {
                using var response = await sandbox.SendAsync(HttpMethod.Get, path);
                ids.Add(Assert.Single(response.Headers.GetValues("X-Jetpack-Request-Id")));
            }
        }

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.False(string.IsNullOrWhiteSpace(id)));
    }

    [Fact]
    public async Task Unknown_route_or_method_under_the_api_prefix_is_404_rest_no_route()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        SandboxHarness.AssertError(await sandbox.CallAsync(HttpMethod.Get, "no/such/route", 404), "rest_no_route");
        SandboxHarness.AssertError(await sandbox.CallAsync(HttpMethod.Put, "license", 404), "rest_no_route");
    }

    [Fact]
    public async Task Requests_are_recorded_with_method_path_query_auth_body_status_and_request_id()
    {
        await using var sandbox = await SandboxHarness.StartAsync();
        using var response = await sandbox.SendAsync(HttpMethod.Post, "license?product=jetpack-scan", json: """{"x":1}""");
        var requestId = Assert.Single(response.Headers.GetValues("X-Jetpack-Request-Id"));

        var recorded = Assert.Single(sandbox.Server.Requests);

        Assert.Equal("POST", recorded.Method);
        Assert.Equal("/wpcom/v2/jetpack-licensing/license", recorded.Path);
        Assert.Equal("?product=jetpack-scan", recorded.QueryString);
        Assert.Equal("Bearer " + SandboxHarness.TokenA, recorded.Authorization);
        Assert.Equal("""{"x":1}""", recorded.Body);
        Assert.Equal(200, recorded.StatusCode);
        Assert.Equal(requestId, recorded.RequestId);
        Assert.Equal(SandboxEndpoint.IssueLicense, recorded.Endpoint);
        Assert.Null(recorded.Fault);

        sandbox.Server.ClearRequests();
        Assert.Empty(sandbox.Server.Requests);
    }

    [Fact]
    public async Task Base_url_ends_with_the_api_prefix_and_a_slash()
    {
        await using var sandbox = await SandboxHarness.StartAsync();

        Assert.Equal("127.0.0.1", sandbox.Server.BaseUrl.Host);
        Assert.NotEqual(0, sandbox.Server.BaseUrl.Port);
        Assert.Equal("/wpcom/v2/jetpack-licensing/", sandbox.Server.BaseUrl.AbsolutePath);
    }
}
