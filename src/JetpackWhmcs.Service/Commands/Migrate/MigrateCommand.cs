using JetpackWhmcs.Ledger.Connections;
using JetpackWhmcs.Service.Commands.Support;
using JetpackWhmcs.Service.Configuration;
using JetpackWhmcs.Service.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace JetpackWhmcs.Service.Commands.Migrate;

/// <summary><c>jetpack-whmcs migrate</c>: creates or adopts the licence table and our additions; idempotent.</summary>
public sealed class MigrateCommand(IAnsiConsole console) : AsyncCommand<MigrateSettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, MigrateSettings settings, CancellationToken cancellationToken)
    {
        await using var scope = await CommandScope.OpenAsync(settings, cancellationToken: cancellationToken);
        var where = LedgerConnectionString.Describe(scope.Options.ResolvedDatabase);
        await LedgerPreparation.PrepareAsync(scope.Services, cancellationToken);
        var counts = await scope.Ledger.CountByStateAsync(cancellationToken);
        console.MarkupLineInterpolated($"Migrated {where}: {counts.Values.Sum()} licence row(s) ({string.Join(", ", counts.Select(c => $"{c.Value} {c.Key.ToString().ToLowerInvariant()}"))}).");
        return 0;
    }
}
