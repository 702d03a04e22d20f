using System.Text.Json.Nodes;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Sandbox;
using JetpackWhmcs.Service.Bridge;
using JetpackWhmcs.Service.Commands.Serve;
using JetpackWhmcs.Service.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JetpackWhmcs.Service.Tests.Support;

/// <summary>The real service on 127.0.0.1:0 with a real sandbox and a SQLite (or given) ledger.</summary>
public sealed class ServiceUnderTest : IAsyncDisposable
{
    public const string Token = "test-partner-token";

    private readonly TempDirectory directory = new();

    private ServiceUnderTest()
    {
    }

    public SandboxServer Sandbox { get; private set; } = null!;

    public WebApplication App { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public BridgeClient Whmcs { get; private set; } = null!;

    public BridgeSecret Secret => App.Services.GetRequiredService<BridgeSecret>();

    public ILicenseLedger Ledger => App.Services.GetRequiredService<ILicenseLedger>();

    public string DataDir => directory.Path;

    /// <param name="token">The partner token the sandbox accepts.</param>
    /// <param name="logs">A logger provider that also receives the service's log, from before it starts.</param>
    public static async Task<ServiceUnderTest> StartAsync(string? database = null, string? apiUrl = null, IReadOnlyDictionary<string, string?>? settings = null, string token = Token, ILoggerProvider? logs = null)
    {
        var service = new ServiceUnderTest();
        service.Sandbox = await SandboxServer.StartAsync(new SandboxOptions { Tokens = [token] });
        var overrides = new Dictionary<string, string?>
        {
            ["ApiUrl"] = apiUrl ?? service.Sandbox.BaseUrl.ToString(),
            ["AttemptTimeout"] = "00:00:03",
            ["OverallTimeout"] = "00:00:06",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (database is not null)
        {
            overrides["Database"] = database;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        service.App = ServiceHost.Build(new ServeSettings { DataDir = service.directory.Path }, "http://127.0.0.1:0", overrides);
        if (logs is not null)
        {
            service.App.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        }

        await ServiceHost.StartAsync(service.App);
        service.Http = new HttpClient { BaseAddress = ServiceHost.Address(service.App), Timeout = TimeSpan.FromSeconds(30) };
        service.Whmcs = new BridgeClient(service.Http, service.Secret, TimeProvider.System);
        return service;
    }

    /// <summary>A WHMCS service's params for a Jetpack product.</summary>
    public static JsonObject ServiceParams(long serviceId, string slug = "jetpack-backup-daily", string domain = "https://site.example.com/") => new()
    {
        ["serviceid"] = serviceId,
        ["orderid"] = 500 + serviceId,
        ["pid"] = 4,
        ["userid"] = 9,
        ["domain"] = domain,
        ["configoption1"] = Token,
        ["configoption2"] = slug,
        ["configoption3"] = "on",
        ["clientsdetails"] = new JsonObject { ["email"] = "c@example.com", ["firstname"] = "C", ["lastname"] = "D" },
    };

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }

        if (Sandbox is not null)
        {
            await Sandbox.DisposeAsync();
        }

        directory.Dispose();
    }
}
