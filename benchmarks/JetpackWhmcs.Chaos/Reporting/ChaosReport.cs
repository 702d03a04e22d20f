using System.Globalization;
using System.Text;
using JetpackWhmcs.Chaos.Checks;
using JetpackWhmcs.Chaos.Driving;

namespace JetpackWhmcs.Chaos.Reporting;

/// <summary>The run's result as Markdown: the check table first, then the figures behind it.</summary>
internal static class ChaosReport
{
    public static string Render(
        ChaosOptions options,
        string database,
        IReadOnlyList<CheckRow> checks,
        RunEvidence evidence,
        CallStats stats,
        IReadOnlyDictionary<string, long> faults,
        TimeSpan duration)
    {
        var text = new StringBuilder();
        var failed = checks.Count(c => !c.Pass);
        Line($"Chaos run: {options.Instances} serve instances on one {database}, {evidence.Scripts.Count} services, {options.Operations} operations "
            + $"({stats.ViaPhp} through the PHP bridge), {options.Kills} kills, concurrency {options.Concurrency}, seed {options.Seed}, "
            + $"every fault kind at {options.FaultRate.ToString(CultureInfo.InvariantCulture)} on issue/revoke/attach/detach/get/list, "
            + $"latency {options.LatencyMs}+{options.LatencyMs} ms; RecoveryGrace {options.RecoveryGraceSeconds.ToString(CultureInfo.InvariantCulture)} s, "
            + $"OverallTimeout {options.OverallTimeoutSeconds.ToString(CultureInfo.InvariantCulture)} s, AttemptTimeout {options.AttemptTimeoutSeconds.ToString(CultureInfo.InvariantCulture)} s. "
            + $"{Percentiles.Seconds(duration)} in all.");
        Line("");
        Line("| check | expected | seen | result |");
        Line("|---|---|---|---|");
        foreach (var c in checks)
        {
            Line($"| {c.Check} | {c.Expected} | {c.Seen} | {(c.Pass ? "pass" : "FAIL")} |");
        }

        Line("");
        var measured = evidence.Kills.Where(k => k.TimeToRecover is not null).Select(k => k.TimeToRecover!.Value).ToList();
        var interrupted = evidence.Kills.Count(k => k.CreatesInFlight > 0);
        var restarts = evidence.Kills.Where(k => k.Restart is not null).Select(k => k.Restart!.Value).ToList();
        Line("| figure | value |");
        Line("|---|---|");
        Line($"| module calls / attempts | {stats.Calls} / {stats.Attempts} |");
        Line($"| answers \"in progress\" / \"may have been done\" / other errors / service unreachable | {stats.InProgress} / {stats.MayHaveBeenDone} / {stats.OtherErrors} / {stats.Unreachable} |");
        Line($"| kills that interrupted a Create / recovered | {interrupted} / {measured.Count} |");
        Line($"| kill to the retried Create's success: p50 / p99 / max | {Percentiles.Seconds(Percentiles.Of(measured, 50))} / {Percentiles.Seconds(Percentiles.Of(measured, 99))} / {Percentiles.Seconds(Percentiles.Of(measured, 100))} |");
        Line($"| restart of a killed instance (start to answering): p50 / max | {Percentiles.Seconds(Percentiles.Of(restarts, 50))} / {Percentiles.Seconds(Percentiles.Of(restarts, 100))} |");
        Line($"| API requests received | {string.Join(", ", evidence.ApiRequests.Where(r => r.Value > 0).Select(r => $"{r.Key} {r.Value}"))} |");
        Line($"| faults applied | {string.Join(", ", faults.Where(f => f.Value > 0).Select(f => $"{f.Key} {f.Value}"))} |");
        Line($"| licences on the API: issued / active | {evidence.IssuedOnApi.Count} / {evidence.ActiveOnApi.Count} |");
        Line("");
        var sentences = stats.TopSentences(8);
        if (sentences.Count > 0)
        {
            Line("Most frequent answers other than success (request ids, keys and numbers blanked):");
            Line("");
            foreach (var (sentence, count) in sentences)
            {
                Line($"- {count} × {sentence.Replace("|", "/", StringComparison.Ordinal)}");
            }

            Line("");
        }

        foreach (var gaveUp in evidence.Abandoned.Take(10))
        {
            Line($"- gave up: {gaveUp}");
        }

        foreach (var failure in evidence.RestartFailures)
        {
            Line($"- did not come back: {failure}");
        }

        Line(failed == 0 ? "All checks passed." : $"{failed} check(s) failed.");
        return text.ToString();

        void Line(string line) => text.Append(line).Append('\n');
    }
}
