using System.Text.Json;
using JetpackWhmcs.Sandbox.Faults;
using Microsoft.AspNetCore.Http;

namespace JetpackWhmcs.Sandbox.Api;

/// <summary>
/// Runs every sandbox call the same way: request id, count on arrival, body capture, the fault knobs
/// in their fixed order (latency, rate limit, failure, the endpoint with its token check, lost
/// answer), then the record of the call and the answer. The record is added before the answer is
/// written, so a test that has its response can already see the request in the log.
/// </summary>
internal sealed class SandboxPipeline(SandboxOptions options, SandboxStore store, SandboxRequestLog log, SandboxRequestCounters counters)
{
    public const string RequestIdHeader = "X-Jetpack-Request-Id";

    private readonly HashSet<string> tokens = new(options.Tokens, StringComparer.Ordinal);
    private readonly string requestIdPrefix = Guid.NewGuid().ToString("N")[..8];
    private long requestCount;

    public async Task RunAsync(HttpContext context, SandboxEndpoint? endpoint, Func<SandboxCall, SandboxResponse> handler)
    {
        counters.CountArrival(endpoint);
        var requestId = $"{requestIdPrefix}-{Interlocked.Increment(ref requestCount):x8}";
        context.Response.Headers[RequestIdHeader] = requestId;
        var body = await ReadBodyAsync(context.Request).ConfigureAwait(false);

        if (endpoint is not { } known)
        {
            var noRoute = new ApiError(404, "rest_no_route", "No route was found matching the URL and request method.");
            await AnswerAsync(context, requestId, body, null, null, noRoute).ConfigureAwait(false);
            return;
        }

        var plan = options.Faults.Plan(known, options.Seed);
        if (plan.Latency > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(plan.Latency, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The client gave up; nobody is left to answer, but the request was received.
                log.AddIfEnabled(options, Describe(context, requestId, body, 0, known, null));
                return;
            }
        }

        var kind = plan.Kind;
        var retryAfter = 1;
        if (kind == FaultKind.RateLimited || (kind is null && !options.Faults.TryTakeRateSlot(options.TimeProvider.GetUtcNow(), out retryAfter)))
        {
            var limited = SandboxResponse.Fail(
                new ApiError(429, "rate_limit_exceeded", $"Too many requests: retry after {retryAfter} second(s)."),
                new Dictionary<string, string> { ["Retry-After"] = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            await AnswerAsync(context, requestId, body, known, FaultKind.RateLimited, limited).ConfigureAwait(false);
            return;
        }

        if (kind == FaultKind.Failure || (kind is null && plan.Fail))
        {
            var status = plan.FailureStatusCode;
            var failed = new ApiError(status, FailureCode(status),
                "The server could not handle the request (injected failure); nothing was done. Try again.");
            await AnswerAsync(context, requestId, body, known, FaultKind.Failure, failed).ConfigureAwait(false);
            return;
        }

        var response = Work(context, known, body, handler);

        var afterWork = AfterWork(plan);
        switch (afterWork)
        {
            case FaultKind.LostAnswerDropConnection:
                Log(context, requestId, body, 0, known, FaultKind.LostAnswerDropConnection);
                ConnectionControl.Find(context)?.Reset();
                context.Abort();
                return;
            case FaultKind.LostAnswerHttp500:
                var internalError = new ApiError(500, "internal_server_error", "The server failed while answering (injected lost answer).");
                await AnswerAsync(context, requestId, body, known, FaultKind.LostAnswerHttp500, internalError).ConfigureAwait(false);
                return;
            case FaultKind.GracefulClose or FaultKind.CloseAfterHeaders or FaultKind.TruncatedBody:
                await CutAnswerAsync(context, requestId, body, known, afterWork.Value, response).ConfigureAwait(false);
                return;
            case FaultKind.LateAnswer:
                await LateAnswerAsync(context, requestId, body, known, plan.LateAnswerDelay, response).ConfigureAwait(false);
                return;
            default:
                await AnswerAsync(context, requestId, body, known, null, response).ConfigureAwait(false);
                return;
        }
    }

    private SandboxResponse Work(HttpContext context, SandboxEndpoint endpoint, string body, Func<SandboxCall, SandboxResponse> handler)
    {
        var token = string.Empty;
        if (endpoint != SandboxEndpoint.ProductFamilies)
        {
            var authorization = context.Request.Headers.Authorization.ToString();
            if (string.IsNullOrWhiteSpace(authorization))
            {
                return new ApiError(403, "invalid_token", "No partner token was sent: send the header 'Authorization: Bearer <token>'.");
            }

            const string Bearer = "Bearer ";
            token = authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) ? authorization[Bearer.Length..].Trim() : string.Empty;
            if (!tokens.Contains(token))
            {
                return new ApiError(403, "invalid_token", "The partner token is not valid: check the token in the Jetpack partner portal.");
            }
        }

        return handler(new SandboxCall(token, context.Request, body, store, options));
    }

    private static string FailureCode(int status) => status switch
    {
        502 => "bad_gateway",
        503 => "service_unavailable",
        504 => "gateway_timeout",
        _ => "internal_server_error",
    };

    /// <summary>The fault that strikes after the work, if any: by kind, else the older lost-answer knob.</summary>
    private static FaultKind? AfterWork(FaultPlan plan)
    {
        var lostMode = plan.Kind switch
        {
            FaultKind.LostAnswer => plan.LostAnswerMode,
            null when plan.LoseAnswer => plan.LostAnswerMode,
            _ => (LostAnswerMode?)null,
        };
        return lostMode switch
        {
            LostAnswerMode.DropConnection => FaultKind.LostAnswerDropConnection,
            LostAnswerMode.Http500 => FaultKind.LostAnswerHttp500,
            _ => plan.Kind is FaultKind.LostAnswerDropConnection or FaultKind.LostAnswerHttp500 or FaultKind.GracefulClose
                or FaultKind.CloseAfterHeaders or FaultKind.TruncatedBody or FaultKind.LateAnswer
                ? plan.Kind
                : null,
        };
    }

    /// <summary>
    /// The work is done; the answer is written in full, but the connection sends only part of it and
    /// closes gracefully: nothing (<see cref="FaultKind.GracefulClose"/>), the status line and headers
    /// (<see cref="FaultKind.CloseAfterHeaders"/>), or the headers and half the body
    /// (<see cref="FaultKind.TruncatedBody"/>, its Content-Length promising the whole).
    /// </summary>
    private async Task CutAnswerAsync(HttpContext context, string requestId, string body, SandboxEndpoint endpoint, FaultKind cut, SandboxResponse response)
    {
        var control = ConnectionControl.Find(context);
        Log(context, requestId, body, cut == FaultKind.GracefulClose ? 0 : response.Status, endpoint, cut);
        if (control is null)
        {
            context.Abort(); // hosted without the connection middleware: the nearest thing it can do
            return;
        }

        var bytes = Serialize(response);
        if (cut == FaultKind.GracefulClose)
        {
            control.CloseGracefullyAfter(0);
        }

        try
        {
            WriteHead(context, response, bytes.Length);
            await context.Response.StartAsync(context.RequestAborted).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            if (cut != FaultKind.GracefulClose)
            {
                control.CloseGracefullyAfter(cut == FaultKind.TruncatedBody ? bytes.Length / 2 : 0);
            }

            await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The connection is gone, as intended.
        }
    }

    private async Task LateAnswerAsync(HttpContext context, string requestId, string body, SandboxEndpoint endpoint, TimeSpan delay, SandboxResponse response)
    {
        // Recorded now: the work is done, whether or not anyone is still waiting for the answer.
        Log(context, requestId, body, response.Status, endpoint, FaultKind.LateAnswer);
        try
        {
            await Task.Delay(delay, context.RequestAborted).ConfigureAwait(false);
            await WriteAsync(context, response).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client gave up before the late answer.
        }
    }

    private async Task AnswerAsync(HttpContext context, string requestId, string body, SandboxEndpoint? endpoint, FaultKind? fault, SandboxResponse response)
    {
        Log(context, requestId, body, response.Status, endpoint, fault);
        try
        {
            await WriteAsync(context, response).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client went away; the request was recorded.
        }
    }

    private static async Task WriteAsync(HttpContext context, SandboxResponse response)
    {
        var bytes = Serialize(response);
        WriteHead(context, response, bytes.Length);
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    private static void WriteHead(HttpContext context, SandboxResponse response, int length)
    {
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = length;
    }

    private static byte[] Serialize(SandboxResponse response) =>
        JsonSerializer.SerializeToUtf8Bytes(response.Body, response.Body.GetType(), ApiJson.Options);

    /// <summary>Logs the request and counts its fault; every path through the pipeline ends here exactly once.</summary>
    private void Log(HttpContext context, string requestId, string body, int status, SandboxEndpoint? endpoint, FaultKind? fault)
    {
        if (fault is { } kind)
        {
            counters.CountFault(kind);
        }

        log.AddIfEnabled(options, Describe(context, requestId, body, status, endpoint, fault));
    }

    private static RecordedRequest Describe(HttpContext context, string requestId, string body, int status, SandboxEndpoint? endpoint, FaultKind? fault)
    {
        var request = context.Request;
        var authorization = request.Headers.Authorization;
        return new RecordedRequest(
            request.Method,
            request.PathBase.Add(request.Path).Value ?? string.Empty,
            request.QueryString.Value ?? string.Empty,
            authorization.Count == 0 ? null : authorization.ToString(),
            body,
            status,
            requestId,
            endpoint,
            fault);
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength == 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count == 0))
        {
            return string.Empty;
        }

        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
