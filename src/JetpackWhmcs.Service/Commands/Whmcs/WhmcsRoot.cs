using JetpackWhmcs.Service.Cli;

namespace JetpackWhmcs.Service.Commands.Whmcs;

/// <summary>A folder checked to be a WHMCS installation, and the paths the bridge uses inside it.</summary>
public sealed class WhmcsRoot
{
    private WhmcsRoot(string path) => Path = path;

    /// <summary>The absolute WHMCS folder.</summary>
    public string Path { get; }

    /// <summary>WHMCS's own configuration file (database settings).</summary>
    public string ConfigurationFile => System.IO.Path.Combine(Path, "configuration.php");

    /// <summary>Where WHMCS looks for provisioning modules.</summary>
    public string ServerModulesFolder => System.IO.Path.Combine(Path, "modules", "servers");

    /// <summary>Our provisioning module's folder.</summary>
    public string ModuleFolder => System.IO.Path.Combine(ServerModulesFolder, "jetpack");

    /// <summary>Our addon module's folder (the same name as Automattic's addon module, which it replaces).</summary>
    public string AddonModuleFolder => System.IO.Path.Combine(Path, "modules", "addons", "jetpack");

    /// <summary>
    /// Opens <paramref name="folder"/>, refusing anything that does not look like WHMCS: a WHMCS root
    /// holds configuration.php (written by WHMCS's installer) and the modules/servers folder.
    /// </summary>
    /// <exception cref="CommandFailedException">The folder is missing or is not a WHMCS root.</exception>
    public static WhmcsRoot Open(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var full = System.IO.Path.GetFullPath(folder);
        if (!Directory.Exists(full))
        {
            throw new CommandFailedException($"{full} does not exist: pass --whmcs-root the folder WHMCS is installed in.");
        }

        var root = new WhmcsRoot(full);
        var missing = new List<string>();
        if (!File.Exists(root.ConfigurationFile))
        {
            missing.Add("configuration.php");
        }

        if (!Directory.Exists(root.ServerModulesFolder))
        {
            missing.Add("modules/servers/");
        }

        if (missing.Count > 0)
        {
            throw new CommandFailedException(
                $"{full} is not a WHMCS root (it has no {string.Join(" and no ", missing)}): pass --whmcs-root the folder that holds WHMCS's configuration.php and modules/servers/.");
        }

        return root;
    }
}
