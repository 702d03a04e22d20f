using Microsoft.Extensions.Logging;

namespace JetpackWhmcs.Licensing;

/// <summary>
/// Creates <see cref="JetpackLicensingClient"/> instances without dependency injection. Every client it
/// creates shares one <see cref="SocketsHttpHandler"/>, hence one connection pool, so creating a client
/// is cheap and never exhausts sockets.
/// </summary>
public static class JetpackLicensingClientFactory
{
    private static readonly Lazy<SocketsHttpHandler> SharedHandler = new(CreateHandler);

    /// <summary>Creates a client over the shared connection pool.</summary>
    /// <param name="options">The settings; null uses the defaults (production URL).</param>
    /// <param name="timeProvider">The clock; null uses <see cref="TimeProvider.System"/>.</param>
    /// <param name="logger">Where attempts and retries are logged; null logs nothing.</param>
    /// <returns>A client; it needs no disposal.</returns>
    /// <exception cref="ArgumentException">A setting in <paramref name="options"/> is out of range.</exception>
    public static JetpackLicensingClient Create(
        JetpackLicensingOptions? options = null,
        TimeProvider? timeProvider = null,
        ILogger<JetpackLicensingClient>? logger = null) =>
        new(CreateHttpClient(), options, timeProvider, logger);

    /// <summary>
    /// An <see cref="HttpClient"/> over the shared pool, with an infinite timeout (the client's options
    /// govern time). Disposing it leaves the shared pool open.
    /// </summary>
    /// <returns>A new HttpClient over the shared handler.</returns>
    public static HttpClient CreateHttpClient() =>
        new(SharedHandler.Value, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>
    /// The primary handler every Jetpack client uses: connections are recycled every few minutes so DNS
    /// changes are seen, and idle ones are closed before a server would close them under us.
    /// </summary>
    /// <returns>A new handler.</returns>
    public static SocketsHttpHandler CreateHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        AutomaticDecompression = System.Net.DecompressionMethods.All,
    };
}
