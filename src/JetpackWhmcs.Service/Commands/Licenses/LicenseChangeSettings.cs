using System.ComponentModel;
using JetpackWhmcs.Service.Configuration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace JetpackWhmcs.Service.Commands.Licenses;

/// <summary>Options of the commands that change one service's or addon's licence.</summary>
public class LicenseChangeSettings : TokenSettings
{
    [CommandArgument(0, "<WHICH>")]
    [Description("The WHMCS service id (12 or service:12) or addon id (addon:7)")]
    public string Which { get; init; } = "";

    [CommandOption("--product <SLUG>")]
    [Description("The Jetpack product slug (issue; default for the others: the licence's product)")]
    public string? Product { get; init; }

    [CommandOption("--parent-service <ID>")]
    [Description("For an addon: its parent service id (default: from the ledger)")]
    public long? ParentService { get; init; }

    [CommandOption("--order <ID>")]
    [Description("The WHMCS order id recorded with a new licence. Default 0")]
    public long Order { get; init; }

    [CommandOption("--pid <ID>")]
    [Description("The WHMCS product id recorded with a new licence. Default 0")]
    public long Pid { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        LicenseTarget.ParseOwner(Which) is null
            ? ValidationResult.Error($"'{Which}' is not a service id (12 or service:12) or an addon id (addon:7).")
            : ValidationResult.Success();
}
