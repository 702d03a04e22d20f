using System.Diagnostics;
using System.Text.Json.Nodes;
using JetpackWhmcs.Provisioning;
using JetpackWhmcs.Service.Bridge;
using JetpackWhmcs.Service.Configuration;
using JetpackWhmcs.Service.Logging;
using JetpackWhmcs.Service.Metrics;
using JetpackWhmcs.Service.Tokens;
using Microsoft.Extensions.Options;

namespace JetpackWhmcs.Service.ModuleCalls;

/// <summary><c>POST /module/{Function}</c>: the signed endpoint the PHP bridge calls (docs/bridge-protocol.md).</summary>
public static class ModuleEndpoints
{
    /// <summary>The largest body accepted; WHMCS's params are a few kilobytes.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapModuleEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/module/{function}", HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        string function,
        HttpContext context,
        IModuleEngine engine,
        BridgeSecret secret,
        INonceStore nonces,
        IOptions<JetpackWhmcsOptions> options,
        TimeProvider timeProvider,
        ServiceMetrics metrics,
        TokenRegistry tokens,
        IHostApplicationLifetime lifetime,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("JetpackWhmcs.Module");
        // Unknown names are attacker-chosen: keep them out of metric labels.
        var known = engine.Functions.Contains(function, StringComparer.Ordinal);
        var label = known ? function : "unknown";
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            metrics.RecordModuleCall(label, "unavailable");
            return Error(StatusCodes.Status503ServiceUnavailable, "The jetpack-whmcs service is shutting down: retry in a moment.");
        }

        var body = await ReadBodyAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            metrics.RecordModuleCall(label, "bad_request");
            return Error(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {MaxBodyBytes} bytes.");
        }

        var headers = context.Request.Headers;
        var now = timeProvider.GetUtcNow();
        var refusal = BridgeSignature.Verify(
            secret.Key,
            function,
            headers[BridgeSignature.TimestampHeader].FirstOrDefault(),
            headers[BridgeSignature.NonceHeader].FirstOrDefault(),
            headers[BridgeSignature.SignatureHeader].FirstOrDefault(),
            body,
            now,
            options.Value.SignatureMaxAge);
        if (refusal is null && !await nonces.TryRememberAsync(headers[BridgeSignature.NonceHeader].ToString(), now, context.RequestAborted))
        {
            refusal = "The request was already received once (replayed nonce): nothing was done.";
        }

        if (refusal is not null)
        {
            metrics.RecordModuleCall(label, "unauthorized");
            logger.LogWarning("Refused a module call to {Function} from {Remote}: {Reason}", label, context.Connection.RemoteIpAddress, refusal);
            return Error(StatusCodes.Status401Unauthorized, refusal);
        }

        if (!known)
        {
            metrics.RecordModuleCall(label, "bad_request");
            return Error(StatusCodes.Status400BadRequest, $"The module function '{Truncate(function)}' is unknown: the bridge and the service versions may not match.");
        }

        var (parameters, invalid) = ModuleParameters.Read(body);
        if (invalid is not null)
        {
            metrics.RecordModuleCall(label, "bad_request");
            logger.LogWarning("Refused a module call to {Function}: {Reason}", function, invalid);
            return Error(StatusCodes.Status400BadRequest, invalid);
        }

        tokens.RememberFromParameters(parameters);
        var started = Stopwatch.GetTimestamp();
        // The engine gets no request-abort token: once started, a call finishes (and writes the ledger)
        // even when the bridge gives up waiting; the API client's own deadlines bound it.
        using var requestIds = JetpackRequestIds.Capture();
        var result = await engine.InvokeAsync(function, parameters, CancellationToken.None);
        var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var outcome = result.Outcome.ToString().ToLowerInvariant();
        var owner = OwnerOf(parameters);
        var requestId = result.RequestId ?? requestIds.Last ?? "none";
        metrics.RecordModuleCall(function, outcome);
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation(
                "Module call {Function} for {Owner} ended {Outcome} in {ElapsedMs} ms (Jetpack request id {JetpackRequestId})",
                function,
                owner,
                outcome,
                elapsedMs,
                requestId);
        }
        return Results.Json(new JsonObject { ["result"] = result.Value?.DeepClone() }, statusCode: StatusCodes.Status200OK);
    }

    private static string OwnerOf(System.Text.Json.JsonElement parameters)
    {
        static string? Read(System.Text.Json.JsonElement p, string key) =>
            p.TryGetProperty(key, out var v) && v.ValueKind is System.Text.Json.JsonValueKind.Number or System.Text.Json.JsonValueKind.String ? v.ToString() : null;
        return Read(parameters, "addonId") is { Length: > 0 } addon and not "0" ? "addon:" + addon
            : Read(parameters, "serviceid") is { Length: > 0 } service ? "service:" + service
            : "no service";
    }

    private static IResult Error(int status, string sentence) =>
        Results.Json(new JsonObject { ["error"] = sentence }, statusCode: status);

    private static string Truncate(string value) => value.Length > 60 ? value[..60] + "..." : value;

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
