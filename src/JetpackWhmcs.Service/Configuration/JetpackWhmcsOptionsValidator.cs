using Microsoft.Extensions.Options;

namespace JetpackWhmcs.Service.Configuration;

/// <summary>Checks the shared settings at start, each failure a sentence that says what to fix.</summary>
public sealed class JetpackWhmcsOptionsValidator : IValidateOptions<JetpackWhmcsOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, JetpackWhmcsOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDir))
        {
            failures.Add("DataDir (--data-dir) is empty: give a directory for the ledger file and the bridge secret");
        }

        if (!Uri.TryCreate(options.ApiUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttp && api.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"ApiUrl (--api-url) '{options.ApiUrl}' is not an absolute http(s) URL");
        }

        if (options.AttemptTimeout <= TimeSpan.Zero || options.OverallTimeout <= TimeSpan.Zero)
        {
            failures.Add("AttemptTimeout and OverallTimeout must be positive");
        }
        else if (options.AttemptTimeout > options.OverallTimeout)
        {
            failures.Add($"AttemptTimeout ({options.AttemptTimeout.TotalSeconds} s) must not exceed OverallTimeout ({options.OverallTimeout.TotalSeconds} s)");
        }

        if (options.SignatureMaxAge <= TimeSpan.Zero)
        {
            failures.Add("SignatureMaxAge must be positive");
        }

        if (options.RecoveryInterval < TimeSpan.Zero || options.RecoveryGrace < TimeSpan.Zero)
        {
            failures.Add("RecoveryInterval and RecoveryGrace must not be negative");
        }
        else if (options.OverallTimeout > TimeSpan.Zero)
        {
            // The claim lease, checked by the engine's own rule: a younger claim may still have its paid call in flight.
            failures.AddRange(Hosting.EngineWiring.EngineOptions(options).Problems());
        }

        if (options.Tokens.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add("Tokens (--token) holds an empty value");
        }

        if (options.BridgeSecret is { } secret && !Bridge.BridgeSecret.IsWellFormed(secret))
        {
            failures.Add("BridgeSecret must be 64 hexadecimal characters (or leave it unset to use the generated file)");
        }

        if (options.UsesMySql)
        {
            try
            {
                var builder = new MySqlConnector.MySqlConnectionStringBuilder(options.ResolvedDatabase);
                if (string.IsNullOrWhiteSpace(builder.Database))
                {
                    failures.Add("the MySQL/MariaDB connection string (--database) names no Database=");
                }
            }
            catch (ArgumentException e)
            {
                failures.Add($"the MySQL/MariaDB connection string (--database) does not parse ({e.Message})");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
