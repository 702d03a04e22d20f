using Microsoft.Playwright;

namespace JetpackWhmcs.Browser.Tests.Harness;

/// <summary>
/// Debian's Chromium driven by Playwright (no browser download exists on the test machines: the
/// package's driver runs with the node it bundles and talks to /usr/bin/chromium).
/// </summary>
public static class Chromium
{
    /// <summary>Where Debian's chromium package installs the browser; CHROMIUM_PATH names another.</summary>
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>Starts headless Chromium with the flags it needs on a closed network, as root in a container.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } fromEnv ? fromEnv : DefaultPath;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Chromium is not installed at {path}: apt-get install chromium (scripts/test does), or set CHROMIUM_PATH.");
        }

        return playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = path,
            Headless = true,
            Args =
            [
                // Root in a container has no user namespace for Chromium's sandbox.
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                // The machine's network is closed: no background calls to Google's hosts.
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--no-first-run",
            ],
        });
    }
}
