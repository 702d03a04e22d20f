namespace JetpackWhmcs.Chaos.Processes;

/// <summary>
/// A WHMCS-like folder per instance (configuration.php and modules/servers/), with the bridge
/// installed into it by the real <c>jetpack-whmcs whmcs install</c>, pointing at that instance.
/// </summary>
internal static class WhmcsTrees
{
    public static async Task<string> InstallAsync(ChaosOptions options, string workDirectory, ServiceInstance instance, string bridgeSecret)
    {
        var root = Path.Combine(workDirectory, $"whmcs-{instance.Index}");
        Directory.CreateDirectory(Path.Combine(root, "modules", "servers"));
        // What the installer looks for to recognise a WHMCS root; the bridge itself never reads it.
        await File.WriteAllTextAsync(Path.Combine(root, "configuration.php"), "<?php\n$db_host = '127.0.0.1';\n$db_name = 'whmcs';\n");
        await OneShot.RunAsync(
            options.Binary,
            ["whmcs", "install", "--whmcs-root", root, "--service-url", instance.Url.ToString().TrimEnd('/'), "--data-dir", instance.DataDirectory],
            new Dictionary<string, string> { ["JETPACK_WHMCS_BRIDGESECRET"] = bridgeSecret },
            Path.Combine(workDirectory, "logs", $"whmcs-install-{instance.Index}.log"));
        return root;
    }
}
