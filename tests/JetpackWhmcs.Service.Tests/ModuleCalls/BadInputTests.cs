using System.Net;
using System.Text;
using JetpackWhmcs.Service.Tests.Support;

namespace JetpackWhmcs.Service.Tests.ModuleCalls;

public sealed class BadInputTests
{
    [Theory]
    [InlineData("{\"params\": {\"serviceid\": 1", "not valid JSON")]
    [InlineData("[1, 2]", "must be a JSON object")]
    [InlineData("{\"params\": \"x\"}", "\"params\" must be a JSON object")]
    [InlineData("{\"params\": {\"serviceid\": \"abc\"}}", "'serviceid' must be a non-negative whole number")]
    [InlineData("{\"params\": {\"serviceid\": 1.5}}", "'serviceid' must be a non-negative whole number")]
    [InlineData("{\"params\": {\"addonId\": {\"id\": 3}}}", "'addonId' must be a non-negative whole number")]
    [InlineData("{\"params\": {\"serviceid\": 1, \"configoption2\": [\"jetpack-scan\"]}}", "'configoption2' must be text")]
    [InlineData("{\"params\": {\"serviceid\": 1, \"clientsdetails\": \"me\"}}", "'clientsdetails' must be an object")]
    [InlineData("{\"params\": {\"serviceid\": 1, \"domain\": \"a\\u0000b.example\"}}", "'domain'")]
    public async Task Malformed_json_or_wrong_types_get_a_clear_400_and_change_nothing(string body, string expected)
    {
        await using var service = await ServiceUnderTest.StartAsync();

        var response = await service.Whmcs.SendAsync("CreateAccount", Encoding.UTF8.GetBytes(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains(expected, response.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", response.Body, StringComparison.Ordinal);
        Assert.Empty(service.Sandbox.Store.LicensesOf(ServiceUnderTest.Token));
        Assert.Empty(await service.Ledger.ListAsync(new Ledger.LedgerQuery()));
    }

    [Fact]
    public async Task An_unknown_function_gets_a_clear_400()
    {
        await using var service = await ServiceUnderTest.StartAsync();

        var response = await service.Whmcs.SendAsync("DropAllTables", "{\"params\": {}}"u8.ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("'DropAllTables' is unknown", response.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_params_as_php_encodes_them_are_accepted()
    {
        await using var service = await ServiceUnderTest.StartAsync();

        var response = await service.Whmcs.SendAsync("CreateAccount", "{\"params\": []}"u8.ToArray());

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotEqual("success", response.ResultText);
        Assert.Empty(service.Sandbox.Store.LicensesOf(ServiceUnderTest.Token));
    }
}
