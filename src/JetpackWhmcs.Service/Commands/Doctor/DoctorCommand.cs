using JetpackWhmcs.Ledger.Connections;
using JetpackWhmcs.Service.Cli;
using JetpackWhmcs.Service.Commands.Support;
using JetpackWhmcs.Service.Configuration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace JetpackWhmcs.Service.Commands.Doctor;

/// <summary><c>jetpack-whmcs doctor</c>: checks everything the service needs and prints what to fix.</summary>
public sealed class DoctorCommand(IAnsiConsole console) : AsyncCommand<DoctorSettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, DoctorSettings settings, CancellationToken cancellationToken)
    {
        await using var scope = await CommandScope.OpenAsync(settings, readWhmcsTokens: false, cancellationToken);
        try
        {
            await scope.Services.GetRequiredService<Tokens.WhmcsTokenLoader>().LoadAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database check below reports the failure with what to fix.
            _ = e;
        }

        var checks = await DoctorChecks.RunAsync(scope, cancellationToken);
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]jetpack-whmcs doctor[/]").AddColumns("check", "result", "details / what to fix");
        foreach (var check in checks)
        {
            table.AddRow(Markup.Escape(check.Name), check.Ok ? "[green]ok[/]" : "[red]FAIL[/]", Markup.Escape(LedgerConnectionString.Scrub(check.Detail, scope.Options.ResolvedDatabase)));
        }

        console.Write(table);
        var failed = checks.Count(c => !c.Ok);
        if (failed > 0)
        {
            throw new CommandFailedException($"{failed} check(s) failed: fix the rows marked FAIL and run doctor again.");
        }

        console.MarkupLine("[green]Everything checks out.[/]");
        return 0;
    }
}
