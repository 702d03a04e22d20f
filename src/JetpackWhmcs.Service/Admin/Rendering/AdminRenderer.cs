using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace JetpackWhmcs.Service.Admin.Rendering;

/// <summary>
/// Renders Razor components to HTML on the server (static rendering, no circuit, no JavaScript).
/// Razor encodes every value it writes, so a client named <c>&lt;script&gt;</c> stays text.
/// </summary>
public sealed class AdminRenderer(IServiceProvider services, ILoggerFactory loggers)
{
    /// <summary>Renders <typeparamref name="TComponent"/> with <paramref name="parameters"/>, waiting for its async initialisation.</summary>
    public Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters)
        where TComponent : IComponent => RenderAsync(typeof(TComponent), parameters);

    /// <summary>Renders <paramref name="component"/> with <paramref name="parameters"/>, waiting for its async initialisation.</summary>
    public async Task<string> RenderAsync(Type component, IDictionary<string, object?> parameters)
    {
        ArgumentNullException.ThrowIfNull(component);
        await using var renderer = new HtmlRenderer(services, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var root = await renderer.RenderComponentAsync(component, ParameterView.FromDictionary(parameters));
            return root.ToHtmlString();
        });
    }
}
