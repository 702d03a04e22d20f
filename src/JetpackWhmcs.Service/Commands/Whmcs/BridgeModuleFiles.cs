using System.Reflection;

namespace JetpackWhmcs.Service.Commands.Whmcs;

/// <summary>
/// The PHP module's files, embedded in this assembly at build time (from bridge/modules/servers/jetpack/)
/// so that the installer never depends on where the repository is.
/// </summary>
public static class BridgeModuleFiles
{
    /// <summary>The prefix of the embedded resource names; the rest is the path inside the module folder.</summary>
    public const string ResourcePrefix = "JetpackWhmcs.Bridge/";

    /// <summary>The file the installer writes and keeps; never embedded.</summary>
    public const string ConfigFileName = "config.php";

    /// <summary>Each module file: its path relative to the module folder (with '/') and its bytes.</summary>
    public static IReadOnlyList<(string RelativePath, byte[] Content)> Load()
    {
        var assembly = typeof(BridgeModuleFiles).Assembly;
        var files = new List<(string, byte[])>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var relative = name[ResourcePrefix.Length..].Replace('\\', '/');
            if (relative == ConfigFileName || relative.Split('/').Contains(".."))
            {
                continue;
            }

            files.Add((relative, Read(assembly, name)));
        }

        if (!files.Any(f => f.Item1 == "jetpack.php"))
        {
            throw new InvalidOperationException("This build of jetpack-whmcs does not contain the PHP module (jetpack.php): rebuild it from the repository.");
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
