namespace JetpackWhmcs.Service.Admin.Pages;

/// <summary>A rendered page: its title and its HTML fragment (no layout around it).</summary>
/// <param name="Title">The page's title.</param>
/// <param name="Html">The HTML.</param>
public sealed record RenderedPage(string Title, string Html);
