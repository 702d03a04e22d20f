using System.ComponentModel;
using JetpackWhmcs.Ledger.Identity;
using JetpackWhmcs.Service.Configuration;
using Spectre.Console.Cli;

namespace JetpackWhmcs.Service.Commands.Migrate;

/// <summary>Options of <c>jetpack-whmcs migrate</c>.</summary>
public sealed class MigrateSettings : ServiceSettings
{
    [CommandOption(LedgerIdentity.AcceptNewLedgerFlag)]
    [Description("Accept a ledger that this data directory shows is not the one it used before (emptied, replaced): only when it is really meant to start over")]
    public bool AcceptNewLedger { get; init; }

    /// <inheritdoc />
    public override IEnumerable<KeyValuePair<string, string?>> ToConfiguration() =>
        AcceptNewLedger ? base.ToConfiguration().Append(new(nameof(JetpackWhmcsOptions.AcceptNewLedger), "true")) : base.ToConfiguration();
}
