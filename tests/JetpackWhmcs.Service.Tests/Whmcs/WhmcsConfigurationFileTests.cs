using System.Diagnostics;
using JetpackWhmcs.Service.Commands.Whmcs;
using MySqlConnector;

namespace JetpackWhmcs.Service.Tests.Whmcs;

// The installer writes owner-only files with Unix modes: these tests run where WHMCS runs.
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class WhmcsConfigurationFileTests : IDisposable
{
    private readonly WhmcsScratch scratch = new();

    public void Dispose() => scratch.Dispose();

    [Fact]
    public void ConnectionString_ReadsQuotedValuesWithEscapesAndAHostWithAPort()
    {
        scratch.MakeWhmcsTree("<?php\n$license = 'x';\n$db_host = \"db.internal:3307\";\n$db_port = '';\n$db_username = 'whmcs';\n$db_password = 'p\\'a;s\\\\s=\"';\n$db_name = 'whmcs_prod';\n");

        var builder = new MySqlConnectionStringBuilder(WhmcsConfigurationFile.ConnectionString(Path.Combine(scratch.Root, "configuration.php")));

        Assert.Equal("db.internal", builder.Server);
        Assert.Equal(3307u, builder.Port);
        Assert.Equal("whmcs", builder.UserID);
        Assert.Equal("p'a;s\\s=\"", builder.Password);
        Assert.Equal("whmcs_prod", builder.Database);
    }

    [Fact]
    public void ConnectionString_TakesABarePortAndDefaultsTo3306()
    {
        scratch.MakeWhmcsTree("<?php\n$db_host = 'localhost';\n$db_port = 3310;\n$db_username = 'u';\n$db_password = '';\n$db_name = 'd';\n");
        var withPort = new MySqlConnectionStringBuilder(WhmcsConfigurationFile.ConnectionString(Path.Combine(scratch.Root, "configuration.php")));
        scratch.MakeWhmcsTree("<?php\n$db_host = 'localhost';\n$db_username = 'u';\n$db_password = '';\n$db_name = 'd';\n");
        var withoutPort = new MySqlConnectionStringBuilder(WhmcsConfigurationFile.ConnectionString(Path.Combine(scratch.Root, "configuration.php")));

        Assert.Equal(3310u, withPort.Port);
        Assert.Equal(3306u, withoutPort.Port);
    }

    [Fact]
    public async Task DatabaseCommand_WithoutDbName_SaysWhatIsMissing()
    {
        scratch.MakeWhmcsTree("<?php\n$db_host = 'localhost';\n$db_username = 'u';\n");

        var (exit, output) = await WhmcsScratch.RunAsync("whmcs", "database", "--whmcs-root", scratch.Root);

        Assert.Equal(1, exit);
        Assert.Contains("has no $db_name", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DatabaseCommand_PrintsOnlyTheConnectionString()
    {
        scratch.MakeWhmcsTree("<?php\n$db_host = '127.0.0.1';\n$db_port = '3306';\n$db_username = 'u';\n$db_password = 'secret;pw';\n$db_name = 'whmcs';\n");

        var (exit, output) = await WhmcsScratch.RunAsync("whmcs", "database", "--whmcs-root", scratch.Root);

        Assert.Equal(0, exit);
        var builder = new MySqlConnectionStringBuilder(output.Trim());
        Assert.Equal("secret;pw", builder.Password);
        Assert.Equal("whmcs", builder.Database);
    }

    [Fact]
    public async Task BridgeConfig_IsReadBackByRealPhpExactlyAsWritten()
    {
        var path = Path.Combine(scratch.Base, "config.php");
        var url = "http://127.0.0.1:8787/it's\\here";
        var secret = new string('a', 64);
        BridgeConfigFile.WriteOwnerOnly(path, BridgeConfigFile.Render(url, secret));

        var start = new ProcessStartInfo("php") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-r");
        start.ArgumentList.Add("define('WHMCS', true); echo json_encode(include $argv[1]);");
        start.ArgumentList.Add(path);
        using var php = Process.Start(start)!;
        var json = await php.StandardOutput.ReadToEndAsync();
        await php.WaitForExitAsync();

        Assert.Equal(0, php.ExitCode);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(url, document.RootElement.GetProperty("service_url").GetString());
        Assert.Equal(secret, document.RootElement.GetProperty("secret").GetString());
        Assert.Equal(3, document.RootElement.GetProperty("connect_timeout").GetInt32());
        Assert.Equal(25, document.RootElement.GetProperty("timeout").GetInt32());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }
}
