using System.Text.Json.Nodes;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Ledger.Connections;
using JetpackWhmcs.Service.Admin;
using JetpackWhmcs.Service.Admin.Endpoint;
using JetpackWhmcs.Service.Admin.Standalone;
using JetpackWhmcs.Service.Bridge;
using JetpackWhmcs.Service.Configuration;
using JetpackWhmcs.Service.Health;
using JetpackWhmcs.Service.ModuleCalls;
using JetpackWhmcs.Service.Recovery;
using JetpackWhmcs.Service.Tokens;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace JetpackWhmcs.Service.Hosting;

/// <summary>
/// The long-running service: module endpoint, health, metrics, background recovery. <c>serve</c>, the
/// demo and the tests all start it through here, so they run the same thing.
/// </summary>
public static class ServiceHost
{
    /// <summary>Where <c>serve</c> listens unless told otherwise: loopback only.</summary>
    public const string DefaultUrls = "http://127.0.0.1:8787";

    /// <summary>Builds the application (not started).</summary>
    /// <param name="settings">The command's shared options (configuration sources and overrides).</param>
    /// <param name="urls">Where to listen; null takes <c>Urls</c> from the configuration, else <see cref="DefaultUrls"/>.</param>
    /// <param name="overrides">Configuration values that win over everything (the demo's sandbox URL and token).</param>
    public static WebApplication Build(ServiceSettings settings, string? urls = null, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Configuration.AddJetpackWhmcsSources(settings);
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.WebHost.UseUrls(urls ?? builder.Configuration["Urls"] ?? DefaultUrls);
        ConfigureLogging(builder);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.Services.AddOptions<JetpackWhmcsOptions>()
            .Bind(builder.Configuration)
            .PostConfigure(o => ConfigurationLoader.MergeTokens(o, builder.Configuration))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<JetpackWhmcsOptions>, JetpackWhmcsOptionsValidator>();
        builder.Services.AddJetpackWhmcsCore();
        builder.Services.AddOperator();
        builder.Services.AddAdminPages();
        builder.Services.AddHostedService<InstanceRegistration>();
        builder.Services.AddHostedService<RecoveryWorker>();
        builder.Services.AddHostedService<NoncePurgeWorker>();
        builder.Services.AddHostedService<LedgerIdentityWorker>();

        // A body above the endpoint's limit is refused by Kestrel as it arrives (413), not buffered first.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = ModuleEndpoints.MaxBodyBytes);

        var app = builder.Build();
        app.UseExceptionHandler(errors => errors.Run(async context =>
        {
            // Never a stack trace to the caller: one sentence and the trace id; the log line under that
            // trace id has the exception (type, message without connection-string passwords, stack).
            if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error is { } failure)
            {
                var options = context.RequestServices.GetRequiredService<IOptions<JetpackWhmcsOptions>>().Value;
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("JetpackWhmcs.Service").LogError(
                    "Unexpected failure of {Method} {Path} (trace id {TraceId}): {ExceptionType}: {Message}{NewLine}{StackTrace}",
                    context.Request.Method,
                    context.Request.Path.Value,
                    context.TraceIdentifier,
                    failure.GetType().FullName,
                    LedgerConnectionString.Scrub(failure.Message, options.ResolvedDatabase),
                    Environment.NewLine,
                    failure.StackTrace);
            }

            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsJsonAsync(new JsonObject
            {
                ["error"] = $"The jetpack-whmcs service failed unexpectedly: see its log for trace id {context.TraceIdentifier}.",
            });
        }));
        app.MapModuleEndpoints();
        app.MapAdminEndpoints();
        app.MapStandalonePages();
        app.MapHealthEndpoints();
        app.MapGet("/", () => Results.Text("jetpack-whmcs: POST /module/{Function} (signed), POST /admin/{action} (signed), /ui/ (one-time admin link), GET /healthz, GET /metrics\n"));
        return app;
    }

    /// <summary>Migrates the ledger and the nonce table and loads WHMCS's tokens, then starts listening.</summary>
    public static async Task StartAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        await PrepareAsync(app.Services, cancellationToken);
        await app.StartAsync(cancellationToken);
    }

    /// <summary>The first address the started application listens on.</summary>
    public static Uri Address(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.TrimEnd('/') + "/");
    }

    /// <summary>The work done before serving: migrations, the secret, WHMCS's tokens.</summary>
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.GetRequiredService<IOptions<JetpackWhmcsOptions>>().Value;
        EnsureDataDirectory(options);
        _ = services.GetRequiredService<BridgeSecret>();
        await LedgerPreparation.PrepareAsync(services, cancellationToken);
        await services.GetRequiredService<WhmcsTokenLoader>().LoadAsync(cancellationToken);
    }

    /// <summary>Creates the data directory, owner-only, when it does not exist.</summary>
    public static void EnsureDataDirectory(JetpackWhmcsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Directory.Exists(options.DataDir))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(options.DataDir);
        }
        else
        {
            Directory.CreateDirectory(options.DataDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static void ConfigureLogging(WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        if (string.Equals(builder.Configuration["LogFormat"], "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                // Scopes carry the trace id of a module call onto the engine's own lines.
                o.IncludeScopes = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
                o.UseUtcTimestamp = true;
            });
        }

        // The HTTP client logs every request URL, which is fine, but never its headers (the bearer token).
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Our handler logs the failure once, under its trace id and without secrets.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware", LogLevel.None);
    }
}
