using System.Text.Json.Nodes;
using JetpackWhmcs.Service.Admin.Endpoint;
using JetpackWhmcs.Service.Admin.Rendering;

namespace JetpackWhmcs.Service.Admin.Pages;

/// <summary>
/// <c>page</c>: the addon's <c>_output</c>. Renders the page named by <c>query.page</c> (GET), or does
/// the posted form's action and renders its result (POST: its nonce is remembered first).
/// </summary>
public sealed class PageAction(PageRendering pages) : IAdminAction
{
    /// <inheritdoc />
    public bool ChangesState(AdminCallBody request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.IsPost;
    }

    /// <inheritdoc />
    public async Task<AdminAnswer> HandleAsync(AdminCallBody request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = new AdminPageContext
        {
            Admin = request.Admin,
            IsPost = request.IsPost,
            PageName = request.Query.TryGetValue("page", out var name) ? name : "",
            Query = request.Query,
            Form = request.Form,
            Csrf = request.Csrf,
            Links = AdminLinks.ForWhmcs(request.ModuleLink),
            Settings = request.Settings,
        };
        var page = await pages.RenderAsync(context);
        return AdminAnswer.Ok(new JsonObject { ["html"] = page.Html, ["title"] = page.Title });
    }
}
