using System.Text.Json.Nodes;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Service.Commands.Support;
using Spectre.Console;
using Spectre.Console.Cli;

namespace JetpackWhmcs.Service.Commands.Licenses;

/// <summary><c>jetpack-whmcs licenses list</c>.</summary>
public sealed class ListLicensesCommand(IAnsiConsole console) : AsyncCommand<ListLicensesSettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, ListLicensesSettings settings, CancellationToken cancellationToken)
    {
        await using var scope = await CommandScope.OpenAsync(settings, cancellationToken: cancellationToken);
        var rows = await LedgerAccess.ReadAsync(scope, ledger => ledger.ListAsync(
            new LedgerQuery { State = settings.ParsedState, ProductSlug = settings.Product, ServiceId = settings.Service, Limit = settings.Limit },
            cancellationToken));
        if (settings.Json)
        {
            console.Profile.Width = int.MaxValue;
            console.WriteLine(new JsonArray([.. rows.Select(LicenseFormat.Json)]).ToJsonString());
            return 0;
        }

        if (rows.Count == 0)
        {
            console.MarkupLine("No licence matches.");
            return 0;
        }

        console.Write(LicenseFormat.Table(rows));
        console.MarkupLineInterpolated($"{rows.Count} row(s).");
        return 0;
    }
}
