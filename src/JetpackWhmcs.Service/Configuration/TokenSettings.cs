using System.ComponentModel;
using Spectre.Console.Cli;

namespace JetpackWhmcs.Service.Configuration;

/// <summary>The shared options plus partner tokens, for commands that call the API on their own.</summary>
public class TokenSettings : ServiceSettings
{
    [CommandOption("--token <TOKEN>")]
    [Description("A partner token (repeatable). Added to the configured Tokens and, on MySQL, to those of WHMCS's Jetpack products")]
    public string[] Tokens { get; init; } = [];

    /// <inheritdoc />
    public override IEnumerable<KeyValuePair<string, string?>> ToConfiguration() =>
        base.ToConfiguration().Concat(Tokens.Select((token, i) => new KeyValuePair<string, string?>($"CliTokens:{i}", token)));
}
