using System.Data.Common;
using JetpackWhmcs.Ledger.Connections;
using JetpackWhmcs.Service.Admin.Common;
using JetpackWhmcs.Service.Admin.Rendering;
using JetpackWhmcs.Service.Configuration;

namespace JetpackWhmcs.Service.Admin.Pages;

/// <summary>
/// Renders the page a request names, inside the page frame (the tabs of every page): the one place
/// both ways in (the addon's <c>page</c> action and the standalone <c>/ui/</c>) go through.
/// </summary>
public sealed class PageRendering(AdminRenderer renderer, JetpackWhmcsOptions options, ILogger<PageRendering> logger)
{
    /// <summary>Renders the page named by <see cref="AdminPageContext.PageName"/>; an unknown name renders a sentence with the menu.</summary>
    public async Task<RenderedPage> RenderAsync(AdminPageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var page = AdminPageRegistry.Find(context.PageName);
        try
        {
            var html = await renderer.RenderAsync<PageFrame>(new Dictionary<string, object?>
            {
                [nameof(PageFrame.Page)] = context,
                [nameof(PageFrame.Current)] = page,
            });
            return new RenderedPage(page?.Title ?? "Jetpack", html);
        }
        catch (Exception e) when (e is DbException or IOException or TimeoutException)
        {
            // The database is down or refuses us: one sentence on the page, the detail in the log.
            var database = options.ResolvedDatabase;
            logger.LogError("The admin page {Page} could not read the database: {Reason}", context.PageName, LedgerConnectionString.Scrub(e.Message, database));
            var sentence = $"The licence ledger could not be read ({LedgerConnectionString.Scrub(e.Message.Split('\n')[0].TrimEnd('.'), database)}): check that {LedgerConnectionString.Describe(database)} is up and that the jetpack-whmcs service may read it, then reload the page.";
            var html = await renderer.RenderAsync<ErrorAlert>(new Dictionary<string, object?> { [nameof(ErrorAlert.Sentence)] = sentence });
            return new RenderedPage(page?.Title ?? "Jetpack", html);
        }
    }
}
