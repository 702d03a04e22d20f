using System.ComponentModel;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Service.Configuration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace JetpackWhmcs.Service.Commands.Licenses;

/// <summary>Options of <c>licenses list</c>.</summary>
public sealed class ListLicensesSettings : ServiceSettings
{
    [CommandOption("--state <STATE>")]
    [Description("Only rows in this state: pending, active, revoked or unassigned (licences kept for the next Create of their product)")]
    public string? State { get; init; }

    [CommandOption("--product <SLUG>")]
    [Description("Only rows of this Jetpack product slug")]
    public string? Product { get; init; }

    [CommandOption("--service <ID>")]
    [Description("Only rows of this WHMCS service (as owner or as an addon's parent)")]
    public long? Service { get; init; }

    [CommandOption("--limit <N>")]
    [Description("At most this many rows. Default 1000")]
    public int Limit { get; init; } = 1000;

    [CommandOption("--json")]
    [Description("Print JSON for scripts")]
    public bool Json { get; init; }

    /// <summary>The parsed state filter.</summary>
    public LicenseState? ParsedState => State is null ? null : Enum.Parse<LicenseState>(State, ignoreCase: true);

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (State is not null && (!Enum.TryParse<LicenseState>(State, ignoreCase: true, out _) || int.TryParse(State, out _)))
        {
            return ValidationResult.Error($"--state '{State}' is not one of pending, active, revoked, unassigned.");
        }

        return Limit <= 0 ? ValidationResult.Error("--limit must be positive.") : ValidationResult.Success();
    }
}
