using Microsoft.AspNetCore.Components;

namespace JetpackWhmcs.Service.Admin.Pages;

/// <summary>
/// The base of every page component (<c>@inherits AdminPageBase</c>): the request's context as a
/// parameter. A page reads what it shows in <c>OnInitializedAsync</c>; a page with forms does its
/// confirmed action there when <see cref="AdminPageContext.IsPost"/> is set, through the engine.
/// </summary>
public abstract class AdminPageBase : ComponentBase
{
    /// <summary>The request.</summary>
    [Parameter]
    [EditorRequired]
    public AdminPageContext Page { get; set; } = null!;
}
