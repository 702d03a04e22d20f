using JetpackWhmcs.Ledger.Connections;
using JetpackWhmcs.Service.Commands.Doctor;
using JetpackWhmcs.Service.Configuration;
using JetpackWhmcs.Service.Tests.Support;

namespace JetpackWhmcs.Service.Tests.OperatorCommands;

public sealed class ConfigurationTests
{
    [Fact]
    public async Task A_config_file_is_read_and_command_line_options_and_tokens_add_to_it()
    {
        using var directory = new TempDirectory();
        var file = Path.Combine(directory.Path, "settings.json");
        await File.WriteAllTextAsync(file, """
            { "DataDir": "from-file", "Database": "from-file.db", "Tokens": ["file-token"], "RecoveryGrace": "00:07:00" }
            """);

        var options = ConfigurationLoader.Load(new DoctorSettings { ConfigFile = file, Database = "from-cli.db", Tokens = ["cli-token"], AttemptTimeout = 2 });

        Assert.Equal("from-file", options.DataDir);
        Assert.Equal("from-cli.db", options.ResolvedDatabase);
        Assert.Equal(["file-token", "cli-token"], options.Tokens);
        Assert.Equal(TimeSpan.FromMinutes(7), options.RecoveryGrace);
        Assert.Equal(TimeSpan.FromSeconds(2), options.AttemptTimeout);
        Assert.False(options.UsesMySql);
    }

    [Fact]
    public void The_default_ledger_is_a_sqlite_file_in_the_data_directory_and_a_connection_string_means_mysql()
    {
        var defaults = new JetpackWhmcsOptions();
        Assert.Equal(Path.Combine("./.jetpack-whmcs", "ledger.db"), defaults.ResolvedDatabase);
        Assert.Equal(new Uri("https://public-api.wordpress.com/wpcom/v2/jetpack-licensing/"), defaults.ApiBaseUri);

        var mysql = new JetpackWhmcsOptions { Database = "Server=db;Database=whmcs;User ID=u;Password=p" };
        Assert.True(mysql.UsesMySql);
        Assert.DoesNotContain("Password", LedgerConnectionString.Describe(mysql.ResolvedDatabase), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("=p", LedgerConnectionString.Describe(mysql.ResolvedDatabase), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_configuration_problem_is_named_in_one_sentence()
    {
        var result = new JetpackWhmcsOptionsValidator().Validate(null, new JetpackWhmcsOptions
        {
            DataDir = "",
            ApiUrl = "ftp://x",
            Database = "Server=db;User ID=u",
            BridgeSecret = "short",
            Tokens = [" "],
        });

        Assert.True(result.Failed);
        var sentence = ConfigurationLoader.ConfigurationSentence(result.Failures!);
        Assert.StartsWith("The configuration is invalid: ", sentence, StringComparison.Ordinal);
        foreach (var expected in new[] { "DataDir", "ApiUrl", "names no Database=", "BridgeSecret", "Tokens" })
        {
            Assert.Contains(expected, sentence, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Serve_refuses_to_start_with_an_invalid_configuration_and_says_why()
    {
        await using var cli = await CliHarness.StartAsync();

        var result = await cli.RunRawAsync("serve", "--urls", "http://127.0.0.1:0", "--api-url", "not-a-url");

        Assert.Equal(1, result.Exit);
        Assert.Contains("The configuration is invalid: ApiUrl (--api-url) 'not-a-url' is not an absolute http(s) URL.", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("serve")]
    [InlineData("demo")]
    [InlineData("sandbox")]
    [InlineData("licenses", "issue")]
    [InlineData("reconcile")]
    [InlineData("doctor")]
    [InlineData("migrate")]
    public async Task Every_command_has_help_with_the_shared_options(params string[] command)
    {
        var console = new RecordingConsole();

        var exit = await JetpackWhmcs.Service.Cli.CommandLine.RunAsync([.. command, "--help"], Program.Commands, console.Console);

        Assert.Equal(0, exit);
        Assert.Contains("USAGE", console.Output, StringComparison.Ordinal);
        if (command[0] != "sandbox")
        {
            Assert.Contains("--data-dir", console.Output, StringComparison.Ordinal);
            Assert.Contains("--database", console.Output, StringComparison.Ordinal);
        }
    }
}
