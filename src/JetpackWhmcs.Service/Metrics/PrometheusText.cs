using System.Globalization;
using System.Text;
using JetpackWhmcs.Ledger;

namespace JetpackWhmcs.Service.Metrics;

/// <summary>Writes the Prometheus text exposition format (version 0.0.4).</summary>
public static class PrometheusText
{
    /// <summary>The content type of the format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>The whole page: module calls, API latency, licences by state and pending claims.</summary>
    public static string Render(ServiceMetrics metrics, IReadOnlyDictionary<LicenseState, long>? licensesByState)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var text = new StringBuilder();
        text.Append("# HELP jetpack_whmcs_module_calls_total Module calls from the WHMCS bridge by function and outcome.\n");
        text.Append("# TYPE jetpack_whmcs_module_calls_total counter\n");
        foreach (var ((function, outcome), count) in metrics.ModuleCalls.OrderBy(p => p.Key.Function, StringComparer.Ordinal).ThenBy(p => p.Key.Outcome, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"jetpack_whmcs_module_calls_total{{function=\"{Escape(function)}\",outcome=\"{Escape(outcome)}\"}} {count}\n");
        }

        text.Append("# HELP jetpack_whmcs_api_call_duration_seconds Jetpack Licensing API call latency by operation and outcome.\n");
        text.Append("# TYPE jetpack_whmcs_api_call_duration_seconds histogram\n");
        foreach (var ((operation, outcome), histogram) in metrics.ApiLatencies.OrderBy(p => p.Key.Operation, StringComparer.Ordinal).ThenBy(p => p.Key.Outcome, StringComparer.Ordinal))
        {
            var labels = $"operation=\"{Escape(operation)}\",outcome=\"{Escape(outcome)}\"";
            var (buckets, count, sum) = histogram.Snapshot();
            for (var i = 0; i < buckets.Length; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"jetpack_whmcs_api_call_duration_seconds_bucket{{{labels},le=\"{histogram.Bounds[i].ToString(CultureInfo.InvariantCulture)}\"}} {buckets[i]}\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"jetpack_whmcs_api_call_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {count}\n");
            text.Append(CultureInfo.InvariantCulture, $"jetpack_whmcs_api_call_duration_seconds_sum{{{labels}}} {sum.ToString("R", CultureInfo.InvariantCulture)}\n");
            text.Append(CultureInfo.InvariantCulture, $"jetpack_whmcs_api_call_duration_seconds_count{{{labels}}} {count}\n");
        }

        if (licensesByState is not null)
        {
            text.Append("# HELP jetpack_whmcs_licenses Ledger rows by state.\n");
            text.Append("# TYPE jetpack_whmcs_licenses gauge\n");
            foreach (var state in Enum.GetValues<LicenseState>())
            {
                var count = licensesByState.TryGetValue(state, out var n) ? n : 0;
                text.Append(CultureInfo.InvariantCulture, $"jetpack_whmcs_licenses{{state=\"{state.ToString().ToLowerInvariant()}\"}} {count}\n");
            }

            text.Append("# HELP jetpack_whmcs_pending_claims Licence claims waiting for the API's answer or for recovery.\n");
            text.Append("# TYPE jetpack_whmcs_pending_claims gauge\n");
            text.Append(CultureInfo.InvariantCulture, $"jetpack_whmcs_pending_claims {(licensesByState.TryGetValue(LicenseState.Pending, out var pending) ? pending : 0)}\n");
            text.Append("# HELP jetpack_whmcs_unassigned_licenses Licences the API handed us that no service holds yet, kept for the next Create of their product.\n");
            text.Append("# TYPE jetpack_whmcs_unassigned_licenses gauge\n");
            text.Append(CultureInfo.InvariantCulture, $"jetpack_whmcs_unassigned_licenses {(licensesByState.TryGetValue(LicenseState.Unassigned, out var unassigned) ? unassigned : 0)}\n");
        }

        text.Append("# HELP jetpack_whmcs_ledger_up 1 when the ledger answered this scrape.\n");
        text.Append("# TYPE jetpack_whmcs_ledger_up gauge\n");
        text.Append(CultureInfo.InvariantCulture, $"jetpack_whmcs_ledger_up {(licensesByState is null ? 0 : 1)}\n");
        return text.ToString();
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
