using System.Reflection;

namespace JetpackWhmcs.Service.Commands.Whmcs;

/// <summary>
/// The PHP modules' files, embedded in this assembly at build time (from bridge/modules/servers/jetpack/
/// and bridge/modules/addons/jetpack/) so that the installer never depends on where the repository is.
/// </summary>
public static class BridgeModuleFiles
{
    /// <summary>The prefix of the provisioning module's resource names; the rest is the path inside its folder.</summary>
    public const string ResourcePrefix = "JetpackWhmcs.Bridge/";

    /// <summary>The prefix of the addon module's resource names.</summary>
    public const string AddonResourcePrefix = "JetpackWhmcs.Addon/";

    /// <summary>The file the installer writes and keeps; never embedded.</summary>
    public const string ConfigFileName = "config.php";

    /// <summary>The provisioning module's files: each one's path relative to its folder (with '/') and its bytes.</summary>
    public static IReadOnlyList<(string RelativePath, byte[] Content)> Load() => Load(ResourcePrefix, "the PHP provisioning module");

    /// <summary>The addon module's files (modules/addons/jetpack/), in the same form.</summary>
    public static IReadOnlyList<(string RelativePath, byte[] Content)> LoadAddon() => Load(AddonResourcePrefix, "the PHP addon module");

    private static List<(string RelativePath, byte[] Content)> Load(string prefix, string what)
    {
        var assembly = typeof(BridgeModuleFiles).Assembly;
        var files = new List<(string, byte[])>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var relative = name[prefix.Length..].Replace('\\', '/');
            if (relative == ConfigFileName || relative.Split('/').Contains(".."))
            {
                continue;
            }

            files.Add((relative, Read(assembly, name)));
        }

        if (!files.Any(f => f.Item1 == "jetpack.php"))
        {
            throw new InvalidOperationException($"This build of jetpack-whmcs does not contain {what} (jetpack.php): rebuild it from the repository.");
        }

        return files;
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
