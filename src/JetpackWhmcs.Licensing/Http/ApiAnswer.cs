using System.Net;

namespace JetpackWhmcs.Licensing.Http;

/// <summary>An HTTP answer, read completely.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="RequestId">The <c>X-Jetpack-Request-Id</c> header, when sent.</param>
/// <param name="Body">The body as text.</param>
internal sealed record ApiAnswer(HttpStatusCode StatusCode, string? RequestId, string Body)
{
    /// <summary>True for 2xx.</summary>
    public bool IsSuccess => (int)StatusCode is >= 200 and < 300;
}
