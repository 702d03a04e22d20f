using System.Diagnostics;
using System.Text.Json.Nodes;
using JetpackWhmcs.Ledger.Nonces;
using JetpackWhmcs.Provisioning;
using JetpackWhmcs.Provisioning.Audit;
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

        var (body, unreadable, unreadableStatus) = await ReadBodyAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            metrics.RecordModuleCall(label, "bad_request");
            return Error(unreadableStatus, unreadable!);
        }

        // Each signing header is read once; the nonce checked by the signature is the nonce remembered.
        var now = timeProvider.GetUtcNow();
        if (SignedCallGate.Verify(context.Request.Headers, secret.Key, function, body, now, options.Value.SignatureMaxAge, out var refusal) is not { } signed)
        {
            return Unauthorized(refusal!);
        }

        if (!known)
        {
            metrics.RecordModuleCall(label, "bad_request");
            return Error(StatusCodes.Status400BadRequest, $"The module function '{Truncate(function)}' is unknown: the bridge and the service versions may not match.");
        }

        // Parsed once: the engine gets an element of this document.
        var call = ModuleCallBody.Read(body);
        if (call.Error is not null)
        {
            metrics.RecordModuleCall(label, "bad_request");
            logger.LogWarning("Refused a module call to {Function}: {Reason}", function, call.Error);
            return Error(StatusCodes.Status400BadRequest, call.Error);
        }

        if (ReplayPolicy.RemembersNonce(function))
        {
            var check = await SignedCallGate.RememberNonceAsync(nonces, signed.Nonce, now, options.Value.ResolvedDatabase, logger, $"a {function} call", context.TraceIdentifier);
            if (check.Verdict == NonceVerdict.LedgerUnwritable)
            {
                metrics.RecordModuleCall(label, "unavailable");
                return Error(StatusCodes.Status503ServiceUnavailable, check.Refusal!);
            }

            if (check.Verdict == NonceVerdict.Replayed)
            {
                return Unauthorized(check.Refusal!);
            }
        }

        var parameters = call.Parameters!;
        tokens.Remember(parameters.Settings.Token);
        var started = Stopwatch.GetTimestamp();
        // The engine gets no request-abort token: once started, a call finishes (and writes the ledger)
        // even when the bridge gives up waiting; the API client's own deadlines bound it.
        using var requestIds = JetpackRequestIds.Capture();
        ModuleResult result;
        // The trace id on every line the engine logs for this call (what an "internal error" sentence points to).
        using (logger.BeginScope("trace id {TraceId}", context.TraceIdentifier))
        using (AuditActor.Use(call.Actor))
        {
            result = await engine.InvokeAsync(function, parameters, CancellationToken.None);
        }

        var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var outcome = result.Outcome.ToString().ToLowerInvariant();
        var owner = parameters.Owner?.SlotKey ?? "no service";
        var requestId = result.RequestId ?? requestIds.Last ?? "none";
        metrics.RecordModuleCall(function, outcome);
        // A successful read-only call (every client-area page view runs ClientArea) changes nothing an
        // operator needs to trace, and its log line cost about 15% of the service's CPU per view
        // (benchmarks/RESULTS.md): it goes to Debug. /metrics still counts it; failures and every
        // changing call stay at Information.
        var level = result.Outcome == ModuleOutcome.Success && !ReplayPolicy.RemembersNonce(function) ? LogLevel.Debug : LogLevel.Information;
        if (logger.IsEnabled(level))
        {
            logger.Log(
                level,
                "Module call {Function} for {Owner} ended {Outcome} in {ElapsedMs} ms (Jetpack request id {JetpackRequestId})",
                function,
                owner,
                outcome,
                elapsedMs,
                requestId);
        }

        return Results.Json(new JsonObject { ["result"] = result.Value?.DeepClone() }, statusCode: StatusCodes.Status200OK);

        IResult Unauthorized(string sentence)
        {
            metrics.RecordModuleCall(label, "unauthorized");
            logger.LogWarning("Refused a module call to {Function} from {Remote}: {Reason}", label, context.Connection.RemoteIpAddress, sentence);
            return Error(StatusCodes.Status401Unauthorized, sentence);
        }
    }

    private static IResult Error(int status, string sentence) =>
        Results.Json(new JsonObject { ["error"] = sentence }, statusCode: status);

    private static string Truncate(string value) => value.Length > 60 ? value[..60] + "..." : value;

    /// <summary>
    /// The body, or why it could not be read with the status to answer: too large (413, from the
    /// Content-Length before reading or while reading), too slow (408, Kestrel's minimum data rate), cut
    /// off (400). A client's mistake is an answer, never an exception with a stack trace in the log.
    /// </summary>
    internal static async Task<(byte[]? Body, string? Error, int Status)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var tooLarge = $"The request body is larger than {MaxBodyBytes} bytes: nothing was done.";
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, tooLarge, StatusCodes.Status413PayloadTooLarge);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    return (null, tooLarge, StatusCodes.Status413PayloadTooLarge);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e)
        {
            var sentence = e.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => tooLarge,
                StatusCodes.Status408RequestTimeout => "The request body stopped arriving before it was complete: nothing was done; retry.",
                _ => "The request body could not be read (" + e.Message.TrimEnd('.') + "): nothing was done.",
            };
            return (null, sentence, e.StatusCode);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            return (null, "The request body did not arrive in full (the connection was closed): nothing was done; retry.", StatusCodes.Status400BadRequest);
        }

        return (buffer.ToArray(), null, StatusCodes.Status200OK);
    }
}
