using System.ComponentModel;
using System.Globalization;
using Spectre.Console.Cli;

namespace JetpackWhmcs.Service.Configuration;

/// <summary>The options every command takes; each one set on the command line overrides the configuration.</summary>
public class ServiceSettings : CommandSettings
{
    [CommandOption("--data-dir <DIR>")]
    [Description("Where the SQLite ledger and the bridge secret live. Default ./.jetpack-whmcs")]
    public string? DataDir { get; init; }

    [CommandOption("--database <DATABASE>")]
    [Description("A SQLite file path, or a MySQL/MariaDB connection string (Server=...;Database=...;User ID=...;Password=...). Default <data-dir>/ledger.db")]
    public string? Database { get; init; }

    [CommandOption("--api-url <URL>")]
    [Description("The Jetpack Licensing API base URL. Default: production")]
    public string? ApiUrl { get; init; }

    [CommandOption("--attempt-timeout <SECONDS>")]
    [Description("Seconds one API attempt may take. Default 15")]
    public double? AttemptTimeout { get; init; }

    [CommandOption("--overall-timeout <SECONDS>")]
    [Description("Seconds one API call may take, retries included. Default 45")]
    public double? OverallTimeout { get; init; }

    [CommandOption("--config <FILE>")]
    [Description("An extra JSON configuration file (same keys as appsettings.json)")]
    public string? ConfigFile { get; init; }

    /// <summary>The values given on the command line, as configuration keys.</summary>
    public virtual IEnumerable<KeyValuePair<string, string?>> ToConfiguration()
    {
        if (DataDir is not null)
        {
            yield return new(nameof(JetpackWhmcsOptions.DataDir), DataDir);
        }

        if (Database is not null)
        {
            yield return new(nameof(JetpackWhmcsOptions.Database), Database);
        }

        if (ApiUrl is not null)
        {
            yield return new(nameof(JetpackWhmcsOptions.ApiUrl), ApiUrl);
        }

        if (AttemptTimeout is { } attempt)
        {
            yield return new(nameof(JetpackWhmcsOptions.AttemptTimeout), Seconds(attempt));
        }

        if (OverallTimeout is { } overall)
        {
            yield return new(nameof(JetpackWhmcsOptions.OverallTimeout), Seconds(overall));
        }
    }

    /// <summary>A number of seconds in the TimeSpan form configuration binding reads.</summary>
    protected static string Seconds(double seconds) => TimeSpan.FromSeconds(seconds).ToString("c", CultureInfo.InvariantCulture);
}
