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
            // The claim lease: a claim younger than this may still have its paid call in flight.
            var engine = Hosting.EngineWiring.EngineOptions(options);
            if (options.RecoveryGrace <= engine.LeaseBound)
            {
                failures.Add(
                    $"RecoveryGrace ({options.RecoveryGrace.TotalSeconds} s) must exceed the claim lease bound ({engine.LeaseBound.TotalSeconds} s: " +
                    $"OverallTimeout {options.OverallTimeout.TotalSeconds} s plus {engine.ClaimLeaseMargin.TotalSeconds} s), or a claim could be " +
                    "taken over while its paid API call may still be carried out; raise RecoveryGrace or lower OverallTimeout");
            }
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
