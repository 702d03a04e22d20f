using System.Diagnostics;

namespace JetpackWhmcs.Service.Commands.Whmcs;

/// <summary>
/// Gives config.php the owner of WHMCS's own configuration.php when the installer runs as root: a
/// 0600 file owned by root would be unreadable by the PHP user, while the user owning WHMCS's
/// configuration file is the one PHP reads it as.
/// </summary>
public static class FileOwnership
{
    /// <summary>Copies the owner and group of <paramref name="reference"/> to <paramref name="path"/>; returns a sentence saying what happened.</summary>
    public static string MatchOwner(string path, string reference)
    {
        if (OperatingSystem.IsWindows())
        {
            return "ownership left as is (Windows)";
        }

        if (!Environment.IsPrivilegedProcess)
        {
            return $"owned by {Environment.UserName}: run the installer as the user PHP runs as, or as root";
        }

        var start = new ProcessStartInfo("chown") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("--reference=" + reference);
        start.ArgumentList.Add(path);
        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0
                ? "owner and group copied from configuration.php"
                : $"could not copy the owner of configuration.php ({error.Trim()}): chown it to the user PHP runs as";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"could not run chown ({e.Message}): chown it to the user PHP runs as";
        }
    }
}
