using Microsoft.Playwright;

namespace JetpackWhmcs.Browser.Tests.Harness;

/// <summary>
/// Saves a page's screenshot. Every run writes them under .test-run/screenshots/ (ignored by git), so running
/// the tests leaves the working tree clean; with JETPACK_WHMCS_UPDATE_SCREENSHOTS=1 they replace the committed
/// ones in docs/screenshots/ that the README shows.
/// </summary>
public static class Screenshots
{
    private const string UpdateVariable = "JETPACK_WHMCS_UPDATE_SCREENSHOTS";

    /// <param name="fullPage">false keeps a long page (a table of 50 rows) to the window, so the PNG stays small.</param>
    public static async Task SaveAsync(IPage page, string name, bool fullPage = true)
    {
        ArgumentNullException.ThrowIfNull(page);
        var folder = Environment.GetEnvironmentVariable(UpdateVariable) == "1"
            ? Path.Combine(RepositoryRoot(), "docs", "screenshots")
            : Path.Combine(RepositoryRoot(), ".test-run", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = fullPage });
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "jetpack-whmcs.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The browser tests run outside the repository: screenshots have nowhere to go.");
    }
}
