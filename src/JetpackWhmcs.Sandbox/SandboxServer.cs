using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JetpackWhmcs.Sandbox;

/// <summary>The sandbox on a real Kestrel server, for tests, the demo and benchmarks.</summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly SandboxRequestLog log;
    private int stopped;

    private SandboxServer(WebApplication app, Uri baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
        Options = app.Services.GetRequiredService<SandboxOptions>();
        Store = app.Services.GetRequiredService<SandboxStore>();
        Faults = app.Services.GetRequiredService<FaultSettings>();
        log = app.Services.GetRequiredService<SandboxRequestLog>();
        Counters = app.Services.GetRequiredService<SandboxRequestCounters>();
    }

    /// <summary>The API base, e.g. <c>http://127.0.0.1:PORT/wpcom/v2/jetpack-licensing/</c> (trailing slash).</summary>
    public Uri BaseUrl { get; }

    /// <summary>The options the sandbox runs with (seed, clock, tokens).</summary>
    public SandboxOptions Options { get; }

    /// <summary>The licences, for seeding and for asserting what the API did.</summary>
    public SandboxStore Store { get; }

    /// <summary>The fault knobs (the options' instance), changeable while running.</summary>
    public FaultSettings Faults { get; }

    /// <summary>Every request received and every fault applied, counted without a capacity limit.</summary>
    public SandboxRequestCounters Counters { get; }

    /// <summary>A snapshot of the requests seen so far.</summary>
    public IReadOnlyList<RecordedRequest> Requests => log.Snapshot();

    /// <summary>Starts the sandbox on <paramref name="url"/> (port 0 picks a free port).</summary>
    public static async Task<SandboxServer> StartAsync(SandboxOptions options, string url = "http://127.0.0.1:0", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(l => l.UseJetpackLicensingSandboxConnections()));
        builder.Services.AddJetpackLicensingSandbox(options);
        var app = builder.Build();
        app.MapJetpackLicensingSandbox();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxServer(app, new Uri(address.TrimEnd('/') + SandboxEndpointRouteBuilderExtensions.BasePath + "/"));
    }

    /// <summary>Forgets the recorded requests.</summary>
    public void ClearRequests() => log.Clear();

    /// <summary>Stops the server (idempotent).</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 0)
        {
            await app.StopAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
