using Microsoft.Playwright;

namespace JetpackWhmcs.Browser.Tests.Harness;

/// <summary>One browser context (its own cookies, so its own WHMCS session) and its page.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly List<string> consoleErrors = [];

    private BrowserSession(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
        // A script error on a page is a failure of that page, even when nothing else shows it.
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (consoleErrors)
                {
                    consoleErrors.Add($"{message.Text} ({message.Location})");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (consoleErrors)
            {
                consoleErrors.Add(error);
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Script errors and console errors seen so far.</summary>
    public IReadOnlyList<string> ConsoleErrors
    {
        get
        {
            lock (consoleErrors)
            {
                return [.. consoleErrors];
            }
        }
    }

    /// <summary>A new context on <paramref name="baseUrl"/>: a desktop screen unless <paramref name="viewport"/> says otherwise, with <paramref name="permissions"/> granted (e.g. clipboard-read).</summary>
    public static async Task<BrowserSession> OpenAsync(IBrowser browser, Uri baseUrl, IEnumerable<string>? permissions = null, ViewportSize? viewport = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = viewport ?? new() { Width = 1366, Height = 900 },
            Permissions = permissions,
        });
        // Generous: the test machines are small and shared, and the test command runs the suites side by
        // side (the chaos suite's killed and restarted services among them): a page once took over 30 s to
        // load there. A real failure still ends the test.
        context.SetDefaultTimeout(60_000);
        return new BrowserSession(context, await context.NewPageAsync());
    }

    /// <summary>Opens <paramref name="path"/> and fails on an HTTP error status.</summary>
    public async Task<IResponse> GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path) ?? throw new InvalidOperationException($"No response for {path}.");
        if (!response.Ok)
        {
            throw new InvalidOperationException($"{path} answered HTTP {response.Status}: {await response.TextAsync()}");
        }

        return response;
    }

    public ValueTask DisposeAsync() => context.DisposeAsync();
}
