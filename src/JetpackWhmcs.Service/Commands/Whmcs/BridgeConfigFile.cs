using System.Globalization;
using System.Text;

namespace JetpackWhmcs.Service.Commands.Whmcs;

/// <summary>The bridge's config.php: the service URL and the bridge secret, readable only by its owner.</summary>
public static class BridgeConfigFile
{
    /// <summary>The connect timeout the bridge uses, in seconds (docs/bridge-protocol.md).</summary>
    public const int ConnectTimeoutSeconds = 3;

    /// <summary>The total timeout of one bridge call, in seconds.</summary>
    public const int TimeoutSeconds = 25;

    /// <summary>The PHP source of config.php.</summary>
    public static string Render(string serviceUrl, string secretHex)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        ArgumentNullException.ThrowIfNull(secretHex);
        var text = new StringBuilder();
        text.Append("<?php\n\n");
        text.Append("// Written by `jetpack-whmcs whmcs install`: where the jetpack-whmcs service listens and the\n");
        text.Append("// secret that signs every call to it. Keep it readable only by the user PHP runs as; an upgrade\n");
        text.Append("// keeps this file (run the installer with --rewrite-config to write it again).\n\n");
        text.Append("if (!defined('WHMCS')) {\n    die('This file cannot be accessed directly.');\n}\n\n");
        text.Append("return [\n");
        text.Append(CultureInfo.InvariantCulture, $"    'service_url' => {PhpString(serviceUrl.TrimEnd('/'))},\n");
        text.Append(CultureInfo.InvariantCulture, $"    'secret' => {PhpString(secretHex)},\n");
        text.Append(CultureInfo.InvariantCulture, $"    'connect_timeout' => {ConnectTimeoutSeconds},\n");
        text.Append(CultureInfo.InvariantCulture, $"    'timeout' => {TimeoutSeconds},\n");
        text.Append("];\n");
        return text.ToString();
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> with mode 0600 from the first byte, replacing any old file atomically.</summary>
    public static void WriteOwnerOnly(string path, string content)
    {
        ArgumentNullException.ThrowIfNull(path);
        var temporary = path + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
            {
                writer.Write(content);
            }

            if (!OperatingSystem.IsWindows())
            {
                // FileMode.Create keeps the mode of a leftover temporary file: set it explicitly.
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>A PHP single-quoted string literal.</summary>
    public static string PhpString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
    }
}
