using JetpackWhmcs.Service.Bridge;
using JetpackWhmcs.Service.Configuration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace JetpackWhmcs.Service.Commands.Whmcs;

/// <summary>
/// <c>jetpack-whmcs whmcs install --whmcs-root DIR [--service-url URL]</c>: copies the PHP provisioning
/// module into DIR/modules/servers/jetpack/ and the addon module into DIR/modules/addons/jetpack/, and
/// writes the provisioning module's config.php (0600), which the addon module reads too. Re-running
/// upgrades the module files and keeps config.php.
/// </summary>
public sealed class WhmcsInstallCommand(IAnsiConsole console) : Command<WhmcsInstallSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, WhmcsInstallSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var root = WhmcsRoot.Open(settings.WhmcsRoot!);
        var options = ConfigurationLoader.Load(settings);
        var secretFileExisted = File.Exists(options.BridgeSecretPath);
        var secret = BridgeSecret.LoadOrCreate(options);
        var modules = new[]
        {
            (Folder: root.ModuleFolder, Files: BridgeModuleFiles.Load()),
            (Folder: root.AddonModuleFolder, Files: BridgeModuleFiles.LoadAddon()),
        };

        var report = new Table().Border(TableBorder.Simple).AddColumn("File").AddColumn("What was done");
        foreach (var (folder, files) in modules)
        {
            Directory.CreateDirectory(folder);
            foreach (var (relative, content) in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                report.AddRow(Markup.Escape(Shown(root, folder, relative)), InstallFile(folder, relative, content));
            }
        }

        var configPath = Path.Combine(root.ModuleFolder, BridgeModuleFiles.ConfigFileName);
        var serviceUrl = (settings.ServiceUrl ?? WhmcsInstallSettings.DefaultServiceUrl).TrimEnd('/');
        report.AddRow(Markup.Escape(Shown(root, root.ModuleFolder, BridgeModuleFiles.ConfigFileName)), Markup.Escape(WriteConfig(configPath, root, serviceUrl, secret, settings.RewriteConfig)));

        console.MarkupLineInterpolated($"Installed the Jetpack provisioning and addon modules into [bold]{root.Path}[/]:");
        console.Write(report);
        var secretOrigin = secretFileExisted || !string.Equals(secret.Source, Path.GetFullPath(options.BridgeSecretPath), StringComparison.Ordinal)
            ? $"read from {secret.Source}"
            : $"generated in {secret.Source} (mode 0600)";
        console.MarkupLineInterpolated($"Bridge secret: {secretOrigin}.");
        foreach (var (folder, files) in modules)
        {
            foreach (var leftover in Leftovers(folder, files))
            {
                console.MarkupLineInterpolated($"[yellow]Left in place: {Shown(root, folder, leftover)} is not part of this module; delete it if it came from the original module.[/]");
            }
        }

        console.MarkupLine("Next: start the service with the same --data-dir, activate the addon \"Jetpack\" in WHMCS's System Settings > Addon Modules (it keeps the original addon's saved token), and choose the module \"Jetpack Provisioning\" in a WHMCS product's Module Settings.");
        return 0;
    }

    /// <summary>A module file as the report names it: its path under the WHMCS root, e.g. modules/addons/jetpack/jetpack.php.</summary>
    private static string Shown(WhmcsRoot root, string folder, string relative) =>
        Path.GetRelativePath(root.Path, folder).Replace(Path.DirectorySeparatorChar, '/') + "/" + relative;

    private static string InstallFile(string moduleFolder, string relative, byte[] content)
    {
        var path = Path.Combine(moduleFolder, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var existed = File.Exists(path);
        if (existed && File.ReadAllBytes(path).AsSpan().SequenceEqual(content))
        {
            return "unchanged";
        }

        // Write beside and rename, so that WHMCS never loads a half-written file during an upgrade.
        var temporary = path + ".tmp-" + Environment.ProcessId;
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, path, overwrite: true);
        return existed ? "updated" : "installed";
    }

    private static string WriteConfig(string configPath, WhmcsRoot root, string serviceUrl, BridgeSecret secret, bool rewrite)
    {
        if (File.Exists(configPath) && !rewrite)
        {
            var existing = File.ReadAllText(configPath);
            return existing.Contains(secret.Hex, StringComparison.Ordinal)
                ? "kept (the upgrade keeps it; --rewrite-config writes it again)"
                : "kept, but it holds another secret than this data directory's bridge-secret: the service will refuse the module's calls until you re-run with --rewrite-config (or the right --data-dir)";
        }

        var existed = File.Exists(configPath);
        BridgeConfigFile.WriteOwnerOnly(configPath, BridgeConfigFile.Render(serviceUrl, secret.Hex));
        var owner = FileOwnership.MatchOwner(configPath, root.ConfigurationFile);
        return $"{(existed ? "rewritten" : "written")}: service {serviceUrl}, mode 0600, {owner}";
    }

    private static IEnumerable<string> Leftovers(string moduleFolder, IReadOnlyList<(string RelativePath, byte[] Content)> files)
    {
        var ours = files.Select(f => f.RelativePath).Append(BridgeModuleFiles.ConfigFileName).ToHashSet(StringComparer.Ordinal);
        return Directory.EnumerateFiles(moduleFolder, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(moduleFolder, p).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(p => !ours.Contains(p))
            .Order(StringComparer.Ordinal);
    }
}
