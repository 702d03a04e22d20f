using System.Globalization;
using System.Text.Json.Nodes;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Service.Cli;
using JetpackWhmcs.Service.Commands.Support;
using Spectre.Console;
using Spectre.Console.Cli;

namespace JetpackWhmcs.Service.Commands.Licenses;

/// <summary><c>jetpack-whmcs licenses show</c>: every row of one owner (or one key) and its audit trail.</summary>
public sealed class ShowLicenseCommand(IAnsiConsole console) : AsyncCommand<ShowLicenseSettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, ShowLicenseSettings settings, CancellationToken cancellationToken)
    {
        await using var scope = await CommandScope.OpenAsync(settings, cancellationToken: cancellationToken);
        var owner = LicenseTarget.ParseOwner(settings.Which);
        IReadOnlyList<LicenseRecord> rows = owner is not null
            ? await LedgerAccess.ReadAsync(scope, l => l.FindByOwnerAsync(owner, cancellationToken))
            : await LedgerAccess.ReadAsync(scope, async l => await l.FindByKeyAsync(settings.Which.Trim(), cancellationToken) is { } row ? [row] : (IReadOnlyList<LicenseRecord>)[]);
        if (rows.Count == 0)
        {
            throw new CommandFailedException(owner is not null
                ? $"The ledger holds no licence for {owner}: check the id (addons are addon:<id>)."
                : $"The ledger holds no licence with the key {settings.Which.Trim()}.");
        }

        var audit = await LedgerAccess.ReadAsync(scope, l => l.ListAuditAsync(owner?.SlotKey, owner is null ? rows[0].LicenseKey : null, 20, cancellationToken));
        if (settings.Json)
        {
            console.Profile.Width = int.MaxValue;
            console.WriteLine(new JsonObject
            {
                ["licenses"] = new JsonArray([.. rows.Select(LicenseFormat.Json)]),
                ["audit"] = new JsonArray([.. audit.Select(a => (JsonNode)new JsonObject
                {
                    ["at"] = LicenseFormat.Time(a.At),
                    ["operation"] = a.Operation,
                    ["outcome"] = a.Outcome,
                    ["license_key"] = a.LicenseKey,
                    ["http_status"] = a.HttpStatus,
                    ["message"] = a.Message,
                    ["request_id"] = a.RequestId,
                })]),
            }.ToJsonString());
            return 0;
        }

        console.Write(LicenseFormat.Table(rows));
        foreach (var row in rows.Where(r => r.LastError is not null))
        {
            console.MarkupLineInterpolated($"[yellow]Row {row.Id}: last error: {row.LastError}[/]");
        }

        if (audit.Count > 0)
        {
            var table = new Table().Border(TableBorder.Simple).Title("API calls (newest first)").AddColumns("at (UTC)", "operation", "outcome", "HTTP", "request id", "message");
            foreach (var entry in audit)
            {
                table.AddRow(
                    Markup.Escape(LicenseFormat.Time(entry.At)),
                    Markup.Escape(entry.Operation),
                    Markup.Escape(entry.Outcome),
                    Markup.Escape(entry.HttpStatus?.ToString(CultureInfo.InvariantCulture) ?? ""),
                    Markup.Escape(entry.RequestId ?? ""),
                    Markup.Escape(entry.Message ?? ""));
            }

            console.Write(table);
        }

        return 0;
    }
}
