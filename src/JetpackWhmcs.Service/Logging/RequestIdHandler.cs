namespace JetpackWhmcs.Service.Logging;

/// <summary>Reads <c>X-Jetpack-Request-Id</c> off every API answer into <see cref="JetpackRequestIds"/>.</summary>
public sealed class RequestIdHandler : DelegatingHandler
{
    /// <summary>The API's request id header.</summary>
    public const string Header = "X-Jetpack-Request-Id";

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues(Header, out var values) && values.FirstOrDefault() is { Length: > 0 } id)
        {
            JetpackRequestIds.Record(id);
        }

        return response;
    }
}
