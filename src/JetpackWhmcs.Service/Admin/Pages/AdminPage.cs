namespace JetpackWhmcs.Service.Admin.Pages;

/// <summary>One page of the registry.</summary>
/// <param name="Name">The value of <c>page</c> in the query (inside WHMCS) or the path segment (standalone).</param>
/// <param name="Title">The page's title (WHMCS shows it above the page; the sidebar lists it).</param>
/// <param name="Component">The component that renders it, deriving from <see cref="AdminPageBase"/>.</param>
/// <param name="InMenu">Whether the sidebar and the standalone menu list it (a licence's detail page is reached from the list).</param>
public sealed record AdminPage(string Name, string Title, Type Component, bool InMenu = true);
