using System.Net.Http.Headers;
using JetpackWhmcs.Licensing.Attempts;
using JetpackWhmcs.Licensing.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace JetpackWhmcs.Licensing.Http;

/// <summary>
/// Sends one <see cref="ApiRequest"/> through the resilience pipeline and returns the 2xx answer, or
/// throws the <see cref="JetpackApiException"/> that describes the failure. Thread-safe: it holds no
/// per-call state, and the token travels on each request message, never on the shared HttpClient.
/// </summary>
internal sealed partial class ApiCaller(
    HttpClient http, Uri baseUrl, ResiliencePipeline<ApiAnswer> pipeline, TimeProvider timeProvider, ILogger logger)
{
    /// <summary>The header the API puts its request id in.</summary>
    public const string RequestIdHeader = "X-Jetpack-Request-Id";

    public Uri BaseUrl => baseUrl;

    public async Task<ApiAnswer> SendAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(LicensingPipeline.OperationKey, request.Operation);
        var trace = new CallTrace();
        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(
                static (ctx, state) => state.Caller.AttemptAsync(state.Request, state.Trace, ctx.CancellationToken),
                context,
                (Caller: this, Request: request, Trace: trace)).ConfigureAwait(false);
            return Unwrap(request, outcome, trace, cancellationToken);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private ApiAnswer Unwrap(ApiRequest request, Outcome<ApiAnswer> outcome, CallTrace trace, CancellationToken cancellationToken)
    {
        switch (outcome.Exception)
        {
            case null:
                return outcome.Result!;
            case JetpackApiException failure:
                throw failure;
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                // The caller gave up: that is not an API failure.
                throw new OperationCanceledException("The Jetpack call was cancelled by the caller.", outcome.Exception, cancellationToken);
            case TimeoutRejectedException timeout when !trace.InFlight && trace.LastFailure is not null:
                // The deadline fell while waiting to retry: the last real failure says what happened.
                throw trace.LastFailure;
            case TimeoutRejectedException timeout:
                LogTimedOut(logger, request.Operation, timeout.Timeout, trace.Attempts);
                throw ApiFailures.TimedOut(request, timeout.Timeout, timeout);
            default:
                throw ApiFailures.FromTransport(request, outcome.Exception, baseUrl);
        }
    }

    /// <summary>One attempt. Never throws: every failure becomes the outcome's exception.</summary>
    private async ValueTask<Outcome<ApiAnswer>> AttemptAsync(ApiRequest request, CallTrace trace, CancellationToken cancellationToken)
    {
        trace.Attempts++;
        var started = timeProvider.GetTimestamp();
        using var message = new HttpRequestMessage(request.Method, new Uri(baseUrl, request.RelativeUri));
        if (request.Token is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", request.Token);
        }

        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        // Every write carries content, even an empty one. SocketsHttpHandler re-sends a request that
        // has no content, on a new connection and without telling us, when a reused keep-alive
        // connection is closed gracefully before the first byte of the answer (dotnet/runtime issue
        // 86714). For issue that is a second paid licence; for revoke a false "already revoked". A
        // request with content (Content-Length: 0 included) is never re-sent by the handler, so the
        // lost answer reaches RetryRule, which never re-sends a write that may have arrived. The
        // warm pooled connection is kept: this costs nothing on the wire but a few header bytes.
        if (request.Content is { } content)
        {
            message.Content = content.Length == 0
                ? new ByteArrayContent([])
                : new StringContent(content, System.Text.Encoding.UTF8, "application/json");
        }

        // Whoever audits the call may record the attempt before it can leave (a write-ahead row); an
        // attempt that cannot be recorded is not sent.
        try
        {
            await ApiAttemptCapture.BeforeAttemptAsync(request.Operation.ToString(), trace.Attempts, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var failure = ApiFailures.NotRecorded(request, ex);
            Report(request, trace, null, null, "not_sent", started);
            trace.LastFailure = failure;
            return Outcome.FromException<ApiAnswer>(failure);
        }
        trace.InFlight = true;
        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var requestId = response.Headers.TryGetValues(RequestIdHeader, out var ids) ? ids.FirstOrDefault() : null;
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            trace.InFlight = false;
            var answer = new ApiAnswer(response.StatusCode, requestId, body);
            var elapsed = timeProvider.GetElapsedTime(started);
            LogAnswer(logger, request.Operation, (int)response.StatusCode, requestId, trace.Attempts, elapsed);
            if (answer.IsSuccess)
            {
                Report(request, trace, (int)response.StatusCode, requestId, "ok", started);
                return Outcome.FromResult(answer);
            }

            var failure = ApiFailures.FromAnswer(request, answer, RetryAfter(response.Headers.RetryAfter));
            Report(request, trace, (int)response.StatusCode, requestId, OutcomeName(failure.Failure), started);
            trace.LastFailure = failure;
            return Outcome.FromException<ApiAnswer>(failure);
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            // Cut by the caller or by a timeout of the pipeline, which turns it into TimeoutRejectedException.
            // The request may have left, so the attempt counts as sent.
            Report(request, trace, null, null, OutcomeName(FailureKind.TimedOut), started);
            return Outcome.FromException<ApiAnswer>(ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
            trace.InFlight = false;
            var failure = ApiFailures.FromTransport(request, ex, baseUrl);
            Report(request, trace, null, null, OutcomeName(failure.Failure), started);
            LogTransportFailure(logger, request.Operation, failure.Failure, trace.Attempts, ex.GetType().Name);
            trace.LastFailure = failure;
            return Outcome.FromException<ApiAnswer>(failure);
        }
    }

    private static string OutcomeName(FailureKind? failure) => failure switch
    {
        FailureKind.NotSent or FailureKind.SecureConnectionFailed => "not_sent",
        FailureKind.RateLimited => "rate_limited",
        FailureKind.Refused => "refused",
        FailureKind.ServerError => "server_error",
        FailureKind.TimedOut => "timed_out",
        FailureKind.MalformedAnswer => "malformed",
        _ => "answer_lost",
    };

    private void Report(ApiRequest request, CallTrace trace, int? status, string? requestId, string outcome, long started) =>
        ApiAttemptCapture.Report(new ApiAttempt(
            request.Operation.ToString(), trace.Attempts, outcome != "not_sent", status, requestId, outcome,
            timeProvider.GetElapsedTime(started)));

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>What the attempts of one call left behind, for the final error.</summary>
    private sealed class CallTrace
    {
        public int Attempts { get; set; }

        /// <summary>True while an attempt waits for its answer: a timeout then may follow a sent request.</summary>
        public bool InFlight { get; set; }

        public JetpackApiException? LastFailure { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Jetpack {Operation} answered {Status} (request id {RequestId}, attempt {Attempt}, {Elapsed}).")]
    private static partial void LogAnswer(ILogger logger, ApiOperation operation, int status, string? requestId, int attempt, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Jetpack {Operation} failed in transport ({Failure}, {Exception}) on attempt {Attempt}.")]
    private static partial void LogTransportFailure(ILogger logger, ApiOperation operation, FailureKind? failure, int attempt, string exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Jetpack {Operation} timed out after {Timeout} ({Attempts} attempts).")]
    private static partial void LogTimedOut(ILogger logger, ApiOperation operation, TimeSpan timeout, int attempts);
}
