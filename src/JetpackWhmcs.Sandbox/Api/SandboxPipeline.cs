using System.Text.Json;
using JetpackWhmcs.Sandbox.Faults;
using Microsoft.AspNetCore.Http;

namespace JetpackWhmcs.Sandbox.Api;

/// <summary>
/// Runs every sandbox call the same way: request id, body capture, the fault knobs in their fixed
/// order (latency, rate limit, failure, the endpoint with its token check, lost answer), then the
/// record of the call and the answer. The record is added before the answer is written, so a test
/// that has its response can already see the request in the log.
/// </summary>
internal sealed class SandboxPipeline(SandboxOptions options, SandboxStore store, SandboxRequestLog log)
{
    public const string RequestIdHeader = "X-Jetpack-Request-Id";

    private readonly HashSet<string> tokens = new(options.Tokens, StringComparer.Ordinal);
    private readonly string requestIdPrefix = Guid.NewGuid().ToString("N")[..8];
    private long requestCount;

    public async Task RunAsync(HttpContext context, SandboxEndpoint? endpoint, Func<SandboxCall, SandboxResponse> handler)
    {
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
                return; // the client gave up; nobody is left to answer
            }
        }

        var forcedRateLimit = plan.Forced == FaultKind.RateLimited;
        var retryAfter = 1;
        if (forcedRateLimit || (plan.Forced is null && !options.Faults.TryTakeRateSlot(options.TimeProvider.GetUtcNow(), out retryAfter)))
        {
            var limited = SandboxResponse.Fail(
                new ApiError(429, "rate_limit_exceeded", $"Too many requests: retry after {retryAfter} second(s)."),
                new Dictionary<string, string> { ["Retry-After"] = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            await AnswerAsync(context, requestId, body, known, FaultKind.RateLimited, limited).ConfigureAwait(false);
            return;
        }

        if (plan.Forced == FaultKind.Failure || (plan.Forced is null && plan.Fail))
        {
            var status = plan.FailureStatusCode;
            var failed = new ApiError(status, FailureCode(status),
                "The server could not handle the request (injected failure); nothing was done. Try again.");
            await AnswerAsync(context, requestId, body, known, FaultKind.Failure, failed).ConfigureAwait(false);
            return;
        }

        var response = Work(context, known, body, handler);

        if (LostAnswer(plan) is { } lost)
        {
            if (lost == LostAnswerMode.DropConnection)
            {
                log.AddIfEnabled(options, Record(context, requestId, body, 0, known, FaultKind.LostAnswerDropConnection));
                context.Abort();
                return;
            }

            var internalError = new ApiError(500, "internal_server_error", "The server failed while answering (injected lost answer).");
            await AnswerAsync(context, requestId, body, known, FaultKind.LostAnswerHttp500, internalError).ConfigureAwait(false);
            return;
        }

        await AnswerAsync(context, requestId, body, known, null, response).ConfigureAwait(false);
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

    private static LostAnswerMode? LostAnswer(FaultPlan plan) => plan.Forced switch
    {
        FaultKind.LostAnswer => plan.LostAnswerMode,
        FaultKind.LostAnswerHttp500 => LostAnswerMode.Http500,
        FaultKind.LostAnswerDropConnection => LostAnswerMode.DropConnection,
        null when plan.LoseAnswer => plan.LostAnswerMode,
        _ => null,
    };

    private async Task AnswerAsync(HttpContext context, string requestId, string body, SandboxEndpoint? endpoint, FaultKind? fault, SandboxResponse response)
    {
        log.AddIfEnabled(options, Record(context, requestId, body, response.Status, endpoint, fault));
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, response.Body, response.Body.GetType(), ApiJson.Options, context.RequestAborted)
            .ConfigureAwait(false);
    }

    private static RecordedRequest Record(HttpContext context, string requestId, string body, int status, SandboxEndpoint? endpoint, FaultKind? fault)
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
