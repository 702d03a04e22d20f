using JetpackWhmcs.Licensing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// In the DI namespace, as Microsoft's own extensions are, so that `services.Add...` is found without a using.
#pragma warning disable IDE0130
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers the Jetpack Licensing client.</summary>
public static class JetpackLicensingServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the client uses, for further configuration.</summary>
    public const string HttpClientName = "JetpackLicensing";

    /// <summary>
    /// Registers <see cref="IJetpackLicensingClient"/> as a typed client of <c>IHttpClientFactory</c>:
    /// every instance shares the factory's pooled <see cref="SocketsHttpHandler"/>, so all partner tokens
    /// share one pool of connections. Also registers <see cref="TimeProvider.System"/> unless a
    /// <see cref="TimeProvider"/> is already registered.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options (base URL, timeouts, retries); null keeps the defaults.</param>
    /// <returns>The HttpClient builder, to add handlers or configure the HttpClient further.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <remarks>Invalid options throw <see cref="ArgumentException"/> when the client is first resolved.</remarks>
    public static IHttpClientBuilder AddJetpackLicensingClient(this IServiceCollection services, Action<JetpackLicensingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<JetpackLicensingOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        return services
            .AddHttpClient<IJetpackLicensingClient, JetpackLicensingClient>(HttpClientName, static (http, provider) => new JetpackLicensingClient(
                http,
                provider.GetRequiredService<IOptions<JetpackLicensingOptions>>().Value,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetService<ILogger<JetpackLicensingClient>>()))
            .ConfigureHttpClient(static http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(JetpackLicensingClientFactory.CreateHandler);
    }
}
