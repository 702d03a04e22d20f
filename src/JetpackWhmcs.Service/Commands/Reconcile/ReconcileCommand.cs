using JetpackWhmcs.Licensing;
using JetpackWhmcs.Provisioning.Audit;
using JetpackWhmcs.Provisioning.Reconciliation;
using JetpackWhmcs.Provisioning.Security;
using JetpackWhmcs.Service.Cli;
using JetpackWhmcs.Service.Commands.Licenses;
using JetpackWhmcs.Service.Commands.Support;
using Spectre.Console;
using Spectre.Console.Cli;

namespace JetpackWhmcs.Service.Commands.Reconcile;

/// <summary>
/// <c>jetpack-whmcs reconcile</c>: compares the ledger with the API's licence list for every token in use;
/// reports licences unknown to WHMCS, revoked outside WHMCS, missing on the API, and pending claims;
/// exits with <see cref="ReconcileExitCodes"/>.
/// </summary>
public sealed class ReconcileCommand(IAnsiConsole console) : AsyncCommand<ReconcileSettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, ReconcileSettings settings, CancellationToken cancellationToken)
    {
        await using var scope = await CommandScope.OpenAsync(settings, readWhmcsTokens: true, cancellationToken);
        using var actor = AuditActor.Use(AuditActor.Command(Environment.UserName));
        var tokens = scope.Tokens.All;
        if (tokens.Count == 0)
        {
            throw new CommandFailedException("No partner token is known: give one with --token, configure Tokens, or point --database at WHMCS's database.");
        }

        var service = scope.Services.GetRequiredService<ReconciliationService>();
        var options = new ReconcileOptions { Fix = settings.Fix };
        var reports = new List<(string Token, ReconciliationReport Report)>();
        if (console.Profile.Capabilities.Interactive)
        {
            // A progress bar for people; scripts and logs get the tables only.
            await console.Progress().AutoClear(true).StartAsync(async progress =>
            {
                var task = progress.AddTask($"Reconciling {tokens.Count} token(s)", maxValue: tokens.Count);
                foreach (var token in tokens)
                {
                    reports.Add((token, await ReconcileAsync(service, token, options, cancellationToken)));
                    task.Increment(1);
                }
            });
        }
        else
        {
            foreach (var token in tokens)
            {
                reports.Add((token, await ReconcileAsync(service, token, options, cancellationToken)));
            }
        }

        var repairFailed = false;
        foreach (var (token, report) in reports.ToList())
        {
            var extras = report.UnknownToWhmcs.Where(l => !report.Adopted.Any(a => a.LicenseKey == l.LicenseKey)).ToList();
            var current = report;
            if (settings.Fix && extras.Count > 0 && Confirm(settings, extras.Count))
            {
                current = await ReconcileAsync(service, token, options with { RevokeExtras = true }, cancellationToken);
                reports[reports.FindIndex(r => r.Token == token)] = (token, current);
            }

            Print(TokenFingerprint.Of(token), current, settings.Fix);
            repairFailed |= current.Problems.Count > 0;
            if (settings.Fix && (current.Adopted.Count + current.MarkedRevoked.Count + current.RevokedExtras.Count) > 0)
            {
                // The findings above were taken before the repairs: say where things stand now.
                var after = await ReconcileAsync(service, token, new ReconcileOptions(), cancellationToken);
                reports[reports.FindIndex(r => r.Token == token)] = (token, after);
                console.MarkupLine(after.InSync
                    ? "After the repairs the ledger and the API agree for this token."
                    : $"After the repairs: {after.UnknownToWhmcs.Count} unknown to WHMCS, {after.RevokedOutsideWhmcs.Count} revoked outside WHMCS, {after.MissingOnApi.Count} missing on the API, {after.PendingClaims.Count} pending.");
            }
        }

        // Each report is where things stand now (taken again after repairs); a failed repair needs a look too.
        var inSync = !repairFailed && reports.All(r => r.Report.InSync);
        console.MarkupLine(inSync
            ? "[green]The ledger and the API agree.[/]"
            : settings.Fix
                ? "[yellow]Repairs applied where safe; what is left needs a decision (see above).[/]"
                : "[yellow]Differences found: run again with --fix to repair the safe ones.[/]");
        return inSync ? ReconcileExitCodes.InSync : ReconcileExitCodes.Differences;
    }

    private static async Task<ReconciliationReport> ReconcileAsync(ReconciliationService service, string token, ReconcileOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await service.ReconcileAsync(token, options, cancellationToken);
        }
        catch (JetpackApiException e)
        {
            throw new CommandFailedException(
                $"Reconciling the licences of token {TokenFingerprint.Of(token)} (fingerprint) failed: {ErrorSentence.ApiSentence(e)}", e);
        }
    }

    private bool Confirm(ReconcileSettings settings, int count)
    {
        if (settings.Yes)
        {
            return true;
        }

        if (!console.Profile.Capabilities.Interactive)
        {
            console.MarkupLineInterpolated($"[yellow]{count} licence(s) unknown to WHMCS were not revoked: confirm with --yes (they are billed and belong to no service).[/]");
            return false;
        }

        return console.Confirm($"Revoke {count} licence(s) that no WHMCS service or addon owns? They are billed to you.", defaultValue: false);
    }

    private void Print(string fingerprint, ReconciliationReport report, bool fix)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]Token {fingerprint}[/] (fingerprint)").AddColumns("finding", "count", "licences");
        static string Keys(IEnumerable<string> keys) => Markup.Escape(string.Join(", ", keys.Take(10)));
        table.AddRow("licences on the API / ledger rows", $"{report.ApiLicenseCount} / {report.LedgerRowCount}", "");
        table.AddRow("active on the API, unknown to WHMCS", $"{report.UnknownToWhmcs.Count}", Keys(report.UnknownToWhmcs.Select(l => l.LicenseKey)));
        table.AddRow("revoked outside WHMCS", $"{report.RevokedOutsideWhmcs.Count}", Keys(report.RevokedOutsideWhmcs.Select(r => $"{r.LicenseKey} ({LicenseFormat.Owner(r)})")));
        table.AddRow("active in the ledger, missing on the API", $"{report.MissingOnApi.Count}", Keys(report.MissingOnApi.Select(r => $"{r.LicenseKey} ({LicenseFormat.Owner(r)})")));
        table.AddRow("pending claims", $"{report.PendingClaims.Count}", Keys(report.PendingClaims.Select(LicenseFormat.Owner)));
        table.AddRow("unassigned, kept for the next Create (never revoked here)", $"{report.Unassigned.Count}", Keys(report.Unassigned.Select(r => r.LicenseKey)));
        if (fix)
        {
            table.AddRow("fixed: adopted into stale claims", $"{report.Adopted.Count}", Keys(report.Adopted.Select(r => r.LicenseKey)));
            table.AddRow("fixed: marked revoked", $"{report.MarkedRevoked.Count}", Keys(report.MarkedRevoked.Select(r => r.LicenseKey)));
            table.AddRow("fixed: revoked on the API", $"{report.RevokedExtras.Count}", Keys(report.RevokedExtras));
        }

        console.Write(table);
        foreach (var problem in report.Problems)
        {
            console.MarkupLineInterpolated($"[red]{problem}[/]");
        }
    }
}
