using JetpackWhmcs.Benchmarks.Support;
using JetpackWhmcs.Service.Bridge;

namespace JetpackWhmcs.Benchmarks.ClientArea;

/// <summary>
/// One <c>serve</c> process under measurement with the bridge installed for it in a scratch WHMCS tree
/// by the real installer, and an active licence for service 1 (the view's subject).
/// </summary>
internal sealed class ServiceUnderBench(string label, ServiceProcess process, BridgeSecret secret, string moduleDir) : IAsyncDisposable
{
    public string Label => label;

    public ServiceProcess Process => process;

    public BridgeSecret Secret => secret;

    public string ModuleDir => moduleDir;

    public static async Task<ServiceUnderBench> StartAsync(string label, string scratch, string database, Uri apiUrl, string? binary, IReadOnlyDictionary<string, string>? environment)
    {
        var home = Path.Combine(scratch, label.Replace(' ', '-'));
        var process = await ServiceProcess.StartAsync(database, apiUrl, Path.Combine(home, "data"), binary, environment);
        var secret = BridgeSecret.TryRead(Path.Combine(process.DataDir, "bridge-secret")) ?? throw new InvalidOperationException("The service wrote no bridge secret.");
        using (var setup = new HttpClient { BaseAddress = new Uri(process.Url + "/") })
        {
            // Idempotent: the second service on the same ledger finds the licence already there.
            var created = await new BridgeClient(setup, secret, TimeProvider.System).CallAsync("CreateAccount", WhmcsParams.ForService(1));
            if (created.ResultText != "success")
            {
                throw new InvalidOperationException($"CreateAccount failed: {created.Body}");
            }
        }

        var root = Path.Combine(home, "whmcs");
        Directory.CreateDirectory(Path.Combine(root, "modules", "servers"));
        await File.WriteAllTextAsync(Path.Combine(root, "configuration.php"), "<?php\n$db_host = '127.0.0.1';\n$db_name = 'whmcs';\n");
        await ServiceProcess.RunCommandAsync("whmcs", "install", "--whmcs-root", root, "--service-url", process.Url, "--data-dir", process.DataDir);
        return new ServiceUnderBench(label, process, secret, Path.Combine(root, "modules", "servers", "jetpack"));
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();
}
