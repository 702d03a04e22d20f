namespace JetpackWhmcs.Sandbox;

/// <summary>One request the sandbox saw, and how it answered.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Request path, e.g. <c>/wpcom/v2/jetpack-licensing/license</c>.</param>
/// <param name="QueryString">Raw query string including the leading <c>?</c>, or empty.</param>
/// <param name="Authorization">The <c>Authorization</c> header value, or null.</param>
/// <param name="Body">The request body as text (empty when none).</param>
/// <param name="StatusCode">The status answered; 0 when the connection was dropped.</param>
/// <param name="RequestId">The <c>X-Jetpack-Request-Id</c> sent back.</param>
/// <param name="Endpoint">The endpoint matched, or null for an unknown route.</param>
/// <param name="Fault">The fault applied, or null when the call ran normally.</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string QueryString,
    string? Authorization,
    string Body,
    int StatusCode,
    string RequestId,
    SandboxEndpoint? Endpoint,
    FaultKind? Fault);
