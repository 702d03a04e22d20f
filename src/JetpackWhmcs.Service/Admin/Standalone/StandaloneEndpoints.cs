using JetpackWhmcs.Service.Admin.Pages;
using JetpackWhmcs.Service.Admin.Rendering;

namespace JetpackWhmcs.Service.Admin.Standalone;

/// <summary>
/// <c>/ui/...</c>: the admin pages served by the service itself, for an installation without WHMCS (the
/// demo, embedded defaults). Reached only through a one-time link; the session cookie is HttpOnly and
/// SameSite=Strict, and every posted form must carry the session's CSRF value before anything runs.
/// </summary>
public static class StandaloneEndpoints
{
    /// <summary>Where the pages live.</summary>
    public const string BasePath = "/ui";

    /// <summary>The session cookie.</summary>
    public const string CookieName = "jetpack_whmcs_admin";

    private const string SignInSentence =
        "This page needs a sign-in: open the one-time admin link printed by `jetpack-whmcs demo --serve` or `jetpack-whmcs serve --admin-link` (each link works once).";

    /// <summary>Maps the pages.</summary>
    public static IEndpointRouteBuilder MapStandalonePages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(BasePath + "/login", Login);
        endpoints.MapGet(BasePath + "/{page?}", (string? page, HttpContext context, AdminSessions sessions, PageRendering pages) => ShowAsync(page, context, sessions, pages));
        endpoints.MapPost(BasePath + "/{page}", (string page, HttpContext context, AdminSessions sessions, PageRendering pages) => ShowAsync(page, context, sessions, pages));
        return endpoints;
    }

    /// <summary>The one-time link: <c>http://127.0.0.1:PORT/ui/login?code=...</c>.</summary>
    public static Uri LoginLink(Uri serviceAddress, string code)
    {
        ArgumentNullException.ThrowIfNull(serviceAddress);
        return new Uri(serviceAddress, $"{BasePath.TrimStart('/')}/login?code={Uri.EscapeDataString(code)}");
    }

    private static IResult Login(HttpContext context, AdminSessions sessions)
    {
        var session = sessions.Redeem(context.Request.Query["code"].ToString());
        if (session is null)
        {
            return Document(StatusCodes.Status401Unauthorized, StandaloneDocument.Sentence(
                "Link used or expired",
                "This admin link was already used or has expired: print a new one with `jetpack-whmcs serve --admin-link` (or restart `demo --serve`)."));
        }

        context.Response.Cookies.Append(CookieName, session.Id, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = BasePath,
            Expires = session.ExpiresAt,
        });
        // Away from the URL holding the (now used) code, so it does not stay in the address bar.
        return Results.Redirect(BasePath + "/" + AdminPageRegistry.DefaultPage);
    }

    private static async Task<IResult> ShowAsync(string? page, HttpContext context, AdminSessions sessions, PageRendering pages)
    {
        var session = sessions.Find(context.Request.Cookies[CookieName]);
        if (session is null)
        {
            return Document(StatusCodes.Status401Unauthorized, StandaloneDocument.Sentence("Sign-in needed", SignInSentence));
        }

        var isPost = HttpMethods.IsPost(context.Request.Method);
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        if (isPost)
        {
            if (!context.Request.HasFormContentType)
            {
                return Document(StatusCodes.Status400BadRequest, StandaloneDocument.Sentence("Not a form", "The request is not a posted form: use the page's buttons; nothing was done."));
            }

            var posted = await context.Request.ReadFormAsync(context.RequestAborted);
            if (!AdminSessions.CsrfMatches(session, posted["token"].ToString()))
            {
                return Document(StatusCodes.Status403Forbidden, StandaloneDocument.Sentence(
                    "Form refused",
                    "The form's security token does not match this session (an old tab, or a form from another site): reload the page and try again; nothing was done."));
            }

            foreach (var (key, value) in posted.Where(p => p.Key != "token"))
            {
                form[key] = value.ToString();
            }
        }

        var request = new AdminPageContext
        {
            Admin = session.Admin,
            IsPost = isPost,
            PageName = page ?? "",
            Query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            Form = form,
            Csrf = session.Csrf,
            Links = AdminLinks.ForStandalone(BasePath),
        };
        var rendered = await pages.RenderAsync(request);
        return Document(StatusCodes.Status200OK, StandaloneDocument.Wrap(rendered.Title, session.Admin, rendered.Html));
    }

    private static IResult Document(int status, string html) =>
        Results.Content(html, "text/html; charset=utf-8", statusCode: status);
}
