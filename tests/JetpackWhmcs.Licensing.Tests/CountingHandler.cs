namespace JetpackWhmcs.Licensing.Tests;

/// <summary>
/// Sits between the client and the real socket handler and counts each request handed to the network,
/// so a test can tell how many attempts were made even when no server saw them (a closed port).
/// </summary>
internal sealed class CountingHandler() : DelegatingHandler(JetpackLicensingClientFactory.CreateHandler())
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public HttpClient CreateClient() => new(this, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref count);
        return base.SendAsync(request, cancellationToken);
    }
}
