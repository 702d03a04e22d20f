using System.Text.Json.Nodes;
using JetpackWhmcs.Provisioning;
using JetpackWhmcs.Service.Bridge;
using JetpackWhmcs.Service.Commands.Serve;
using JetpackWhmcs.Service.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace JetpackWhmcs.Benchmarks.Support;

/// <summary>
/// The real service (what <c>serve</c> runs: Kestrel, the signed endpoint, nonces, the engine) in this
/// process, on a benchmark port, with a given ledger and API. Background recovery is off so that
/// nothing but the measured calls reaches the database; logging stays as <c>serve</c> has it unless
/// <paramref name="logLevel"/> says otherwise.
/// </summary>
internal sealed class RunningService : IAsyncDisposable
{
    private readonly string dataDir;

    private RunningService(WebApplication app, string dataDir)
    {
        App = app;
        this.dataDir = dataDir;
        Url = ServiceHost.Address(app);
        Http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(60) };
        Bridge = new BridgeClient(Http, Secret, TimeProvider.System);
    }

    public WebApplication App { get; }

    public Uri Url { get; }

    /// <summary>A keep-alive client for the signed endpoint, signing as the PHP bridge does.</summary>
    public BridgeClient Bridge { get; }

    public HttpClient Http { get; }

    public BridgeSecret Secret => App.Services.GetRequiredService<BridgeSecret>();

    public IModuleEngine Engine => App.Services.GetRequiredService<IModuleEngine>();

    public string DataDir => dataDir;

    public static async Task<RunningService> StartAsync(string database, Uri apiUrl, string? logLevel = null)
    {
        var dataDir = Directory.CreateTempSubdirectory("jetpack-whmcs-bench-").FullName;
        var overrides = new Dictionary<string, string?>
        {
            ["Database"] = database,
            ["ApiUrl"] = apiUrl.ToString(),
            ["RecoveryInterval"] = "00:00:00",
        };
        if (logLevel is not null)
        {
            overrides["Logging:LogLevel:Default"] = logLevel;
        }

        var app = ServiceHost.Build(new ServeSettings { DataDir = dataDir }, Ports.FreeUrl(), overrides);
        await ServiceHost.StartAsync(app);
        return new RunningService(app, dataDir);
    }

    /// <summary>Calls the signed endpoint and says how it ended: the engine's outcome word, or the HTTP refusal.</summary>
    public async Task<string> CallAsync(string function, JsonObject parameters)
    {
        var response = await Bridge.CallAsync(function, parameters);
        if (response.Status != System.Net.HttpStatusCode.OK)
        {
            return $"HTTP {(int)response.Status}: {response.Error}";
        }

        return response.ResultText switch
        {
            "success" => "Success",
            null when response.Result is JsonObject o && o["error"]?.ToString() is { Length: > 0 } error => "Error: " + error,
            null => "Success",
            var sentence => "Error: " + sentence,
        };
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Directory.Delete(dataDir, recursive: true);
    }
}
