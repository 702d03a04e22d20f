using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.Json;
using JetpackWhmcs.Licensing.Resilience;

namespace JetpackWhmcs.Licensing.Http;

/// <summary>
/// Turns every way a call can fail into a <see cref="JetpackApiException"/> whose message is one
/// sentence an administrator can act on. Messages name the operation and the request id, never the token.
/// </summary>
internal static class ApiFailures
{
    /// <summary>A non-2xx answer.</summary>
    public static JetpackApiException FromAnswer(ApiRequest request, ApiAnswer answer, TimeSpan? retryAfter)
    {
        var status = (int)answer.StatusCode;
        var (code, apiMessage) = ReadErrorBody(answer.Body);
        var rawBody = code is null && answer.Body.Length > 0 ? Truncate(answer.Body) : null;
        var kind = status switch
        {
            429 => FailureKind.RateLimited,
            >= 500 => FailureKind.ServerError,
            _ => FailureKind.Refused,
        };
        var detail = (code, TrimSentence(apiMessage)) switch
        {
            (null, null or "") => $"HTTP {status}",
            (null, var text) => $"HTTP {status}: {text}",
            (var c, null or "") => $"{c}: no message",
            (var c, var text) => $"{c}: {text}",
        };
        var rid = RequestIdSuffix(answer.RequestId);
        var message = kind switch
        {
            FailureKind.RateLimited =>
                $"Jetpack is rate-limiting requests and refused to {request.Action} ({detail}{RetryAfterText(retryAfter)}); nothing was done, so try again in a minute{rid}.",
            FailureKind.ServerError when RetryRule.IsRead(request.Operation) =>
                $"Jetpack failed while asked to {request.Action} ({detail}); try again later{rid}.",
            FailureKind.ServerError =>
                $"Jetpack failed while asked to {request.Action} ({detail}); it may have been done, so check the licence before trying again{rid}.",
            _ => $"Jetpack refused to {request.Action}: {detail}{RefusalHint(request, status)}{rid}.",
        };
        return new JetpackApiException(
            message, answer.StatusCode, code, apiMessage, answer.RequestId, rawBody,
            RetryRule.MayHaveBeenCarriedOut(request.Operation, kind))
        {
            Failure = kind,
            RetryAfter = retryAfter,
        };
    }

    /// <summary>A 2xx answer whose body is not the expected JSON.</summary>
    public static JetpackApiException Malformed(ApiRequest request, ApiAnswer answer, string problem, Exception? inner)
    {
        var rid = RequestIdSuffix(answer.RequestId);
        var advice = RetryRule.IsRead(request.Operation)
            ? "try again later and report it if it persists"
            : "it was probably done, so check the licence before trying again";
        return new JetpackApiException(
            $"Jetpack answered the request to {request.Action} with {problem}; {advice}{rid}.",
            answer.StatusCode, requestId: answer.RequestId, rawBody: Truncate(answer.Body),
            mayHaveBeenCarriedOut: RetryRule.MayHaveBeenCarriedOut(request.Operation, FailureKind.MalformedAnswer),
            innerException: inner)
        {
            Failure = FailureKind.MalformedAnswer,
        };
    }

    /// <summary>No answer within <paramref name="timeout"/>; the request may have been sent.</summary>
    public static JetpackApiException TimedOut(ApiRequest request, TimeSpan timeout, Exception? inner)
    {
        var seconds = timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        return new JetpackApiException(
            $"Jetpack did not answer within {seconds} s when asked to {request.Action}; {LostAdvice(request)}.",
            mayHaveBeenCarriedOut: true, innerException: inner)
        {
            Failure = FailureKind.TimedOut,
        };
    }

    /// <summary>The attempt was stopped before it left because its audit row could not be written first.</summary>
    public static JetpackApiException NotRecorded(ApiRequest request, Exception exception) =>
        new(
            $"The request to {request.Action} was not sent because it could not be recorded first ({exception.GetType().Name}); check that the licence database is reachable and try again.",
            mayHaveBeenCarriedOut: false,
            innerException: exception)
        {
            Failure = FailureKind.NotSent,
        };

    /// <summary>A transport failure: the connection could not be made, or broke.</summary>
    public static JetpackApiException FromTransport(ApiRequest request, Exception exception, Uri baseUrl)
    {
        var host = baseUrl.Authority;
        var kind = Classify(exception);
        var reason = Reason(exception);
        var message = kind switch
        {
            FailureKind.NotSent =>
                $"Could not reach Jetpack at {host} to {request.Action} ({reason}); nothing was sent, so check the network and the API base URL.",
            FailureKind.SecureConnectionFailed =>
                $"Could not open a secure connection to Jetpack at {host} to {request.Action} ({reason}); nothing was sent, so check the machine's certificates and TLS settings.",
            _ =>
                $"The connection to Jetpack at {host} broke while asking it to {request.Action} ({reason}); {LostAdvice(request)}.",
        };
        return new JetpackApiException(
            message, mayHaveBeenCarriedOut: RetryRule.MayHaveBeenCarriedOut(request.Operation, kind), innerException: exception)
        {
            Failure = kind,
        };
    }

    /// <summary>
    /// Sorts a transport exception: before sending (refused, unknown host, TLS) or after (reset, cut).
    /// </summary>
    internal static FailureKind Classify(Exception exception)
    {
        var socketError = FindSocketError(exception);
        if (socketError is SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable
            or SocketError.NetworkUnreachable or SocketError.TryAgain or SocketError.NoData or SocketError.AddressNotAvailable)
        {
            return FailureKind.NotSent;
        }

        if (exception is HttpRequestException http)
        {
            if (http.HttpRequestError == HttpRequestError.NameResolutionError)
            {
                return FailureKind.NotSent;
            }

            if (http.HttpRequestError == HttpRequestError.SecureConnectionError || FindInner<AuthenticationException>(exception) is not null)
            {
                return FailureKind.SecureConnectionFailed;
            }
        }

        // Timeouts raised by the HttpClient itself (its own Timeout) arrive as cancellations.
        return exception is OperationCanceledException ? FailureKind.TimedOut : FailureKind.AnswerLost;
    }

    private static SocketError? FindSocketError(Exception exception) => FindInner<SocketException>(exception)?.SocketErrorCode;

    private static T? FindInner<T>(Exception exception)
        where T : Exception
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is T match)
            {
                return match;
            }
        }

        return null;
    }

    private static string Reason(Exception exception)
    {
        var socketError = FindSocketError(exception);
        if (socketError is not null)
        {
            return socketError switch
            {
                SocketError.ConnectionRefused => "connection refused",
                SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host not found",
                SocketError.ConnectionReset => "connection reset",
                _ => $"socket error {socketError}",
            };
        }

        if (exception is HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http)
        {
            return http.HttpRequestError switch
            {
                HttpRequestError.ResponseEnded => "the answer ended prematurely",
                HttpRequestError.NameResolutionError => "host not found",
                _ => http.HttpRequestError.ToString(),
            };
        }

        return exception is OperationCanceledException ? "the HTTP client timed out" : exception.GetType().Name;
    }

    private static string LostAdvice(ApiRequest request) => RetryRule.IsRead(request.Operation)
        ? "try again later"
        : "it may have been done, so check the licence before trying again";

    private static string RefusalHint(ApiRequest request, int status) => status switch
    {
        401 or 403 => "; check the partner API token set on the product",
        404 when request.Operation is not ApiOperation.ListLicenses => "; check the licence key",
        _ => "",
    };

    private static string RetryAfterText(TimeSpan? retryAfter) => retryAfter is { } wait
        ? $", Retry-After {wait.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s"
        : "";

    private static string RequestIdSuffix(string? requestId) =>
        string.IsNullOrEmpty(requestId) ? "" : $" (request id {requestId})";

    /// <summary>The API's message without its final full stop, so the sentence reads once.</summary>
    private static string? TrimSentence(string? text) => text?.Trim().TrimEnd('.');

    private static (string? Code, string? Message) ReadErrorBody(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var code = document.RootElement.TryGetProperty("code", out var c) ? AsText(c) : null;
            var message = document.RootElement.TryGetProperty("message", out var m) ? AsText(m) : null;
            return string.IsNullOrEmpty(code) ? (null, message) : (code, message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? AsText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        _ => null,
    };

    internal static string Truncate(string body) =>
        body.Length <= JetpackApiException.MaxRawBodyLength ? body : body[..JetpackApiException.MaxRawBodyLength];
}
