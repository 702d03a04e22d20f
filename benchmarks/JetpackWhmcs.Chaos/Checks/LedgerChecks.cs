namespace JetpackWhmcs.Chaos.Checks;

/// <summary>The API's licences against the ledger's rows and against what WHMCS asked for.</summary>
internal static class LedgerChecks
{
    public static IEnumerable<CheckRow> Run(RunEvidence e)
    {
        var finished = e.Scripts.Where(s => e.StepsDone.GetValueOrDefault(s.ServiceId) == s.Steps.Count).ToList();
        var created = e.Scripts.Count(s => e.StepsDone.GetValueOrDefault(s.ServiceId) >= 1);
        var changes = e.Scripts.Sum(s => s.Steps.Take(e.StepsDone.GetValueOrDefault(s.ServiceId)).Count(step => step.Function == "ChangePackage"));
        yield return new CheckRow(
            "licences issued = services created + package changes",
            $"{created + changes} ({created} + {changes})",
            e.IssuedOnApi.Count.ToString(Inv),
            e.IssuedOnApi.Count == created + changes);

        var active = e.Rows.Where(r => r.IsActive).Select(r => r.LicenseKey).ToHashSet(StringComparer.Ordinal);
        var unassigned = e.Rows.Where(r => r.IsUnassigned).Select(r => r.LicenseKey).ToHashSet(StringComparer.Ordinal);
        var known = active.Union(unassigned).ToHashSet(StringComparer.Ordinal);
        yield return new CheckRow(
            "licences active on the API = active ledger rows (+ unassigned)",
            $"{known.Count} ({active.Count} + {unassigned.Count})",
            e.ActiveOnApi.Count.ToString(Inv),
            e.ActiveOnApi.SetEquals(known));

        var orphansOnApi = e.ActiveOnApi.Count(k => !known.Contains(k));
        yield return new CheckRow("orphans on the API: active, no ledger row (billed, never delivered)", "0", orphansOnApi.ToString(Inv), orphansOnApi == 0);

        var orphansInLedger = active.Count(k => !e.ActiveOnApi.Contains(k));
        yield return new CheckRow("orphans in the ledger: active row, not active on the API", "0", orphansInLedger.ToString(Inv), orphansInLedger == 0);

        var doubled = e.Rows.Where(r => r.IsActive).GroupBy(r => (r.ServiceId, r.AddonId)).Count(g => g.Count() > 1);
        yield return new CheckRow("services with two active licences", "0", doubled.ToString(Inv), doubled == 0);

        var rowsByService = e.Rows.Where(r => r.IsActive && r.AddonId is null).ToLookup(r => r.ServiceId);
        var wrong = finished.Count(s =>
        {
            var rows = rowsByService[s.ServiceId].ToList();
            return s.Terminates ? rows.Count != 0 : rows.Count != 1 || !string.Equals(rows[0].ProductSlug, s.FinalProduct, StringComparison.Ordinal);
        });
        yield return new CheckRow(
            "services whose licence is not what WHMCS asked for (one of the final product; none once terminated)",
            "0",
            $"{wrong} of {finished.Count}",
            wrong == 0);

        var unexplained = unassigned.Count(k => !e.ActiveOnApi.Contains(k));
        yield return new CheckRow(
            "unassigned licences (state 'unassigned'), each active on the API and listed for its product",
            "all explained",
            $"{unassigned.Count} ({unexplained} unexplained)",
            unexplained == 0);

        yield return new CheckRow("pending claims left after the final recovery", "0", e.PendingAfterRecovery.ToString(Inv), e.PendingAfterRecovery == 0);
        yield return new CheckRow("module calls that never answered success", "0", e.Abandoned.Count.ToString(Inv), e.Abandoned.Count == 0);
        yield return new CheckRow(
            "instances killed with SIGKILL and restarted",
            e.KillsAsked.ToString(Inv),
            $"{e.Kills.Count} ({e.RestartFailures.Count} did not come back)",
            e.Kills.Count == e.KillsAsked && e.RestartFailures.Count == 0);
    }

    private static IFormatProvider Inv => System.Globalization.CultureInfo.InvariantCulture;
}
