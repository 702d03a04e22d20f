using System.Text.Json.Nodes;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Service.Metrics;

namespace JetpackWhmcs.Service.Health;

/// <summary><c>/healthz</c> and <c>/metrics</c>.</summary>
public static class HealthEndpoints
{
    /// <summary>Maps both endpoints.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", async (HealthProbe probe, CancellationToken cancellationToken) =>
        {
            var checks = await probe.RunAsync(cancellationToken);
            var body = new JsonObject
            {
                ["status"] = checks.All(c => c.Ok) ? "ok" : "failing",
                ["checks"] = new JsonObject(checks.Select(c => KeyValuePair.Create<string, JsonNode?>(c.Name, new JsonObject
                {
                    ["ok"] = c.Ok,
                    ["detail"] = c.Detail,
                    ["elapsed_ms"] = c.ElapsedMs,
                }))),
            };
            return Results.Json(body, statusCode: checks.All(c => c.Ok) ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });

        endpoints.MapGet("/metrics", async (ServiceMetrics metrics, LicenseCountsCache licenseCounts, ILoggerFactory loggers, CancellationToken cancellationToken) =>
        {
            IReadOnlyDictionary<LicenseState, long>? states = null;
            try
            {
                states = await licenseCounts.GetAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The page still serves the counters; jetpack_whmcs_ledger_up says the ledger failed.
                loggers.CreateLogger("JetpackWhmcs.Metrics").LogWarning("The ledger did not answer the metrics scrape: {Reason}", e.Message);
            }

            return Results.Text(PrometheusText.Render(metrics, states), PrometheusText.ContentType);
        });
        return endpoints;
    }
}
