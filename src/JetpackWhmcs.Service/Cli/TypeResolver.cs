using Spectre.Console.Cli;

namespace JetpackWhmcs.Service.Cli;

/// <summary>Resolves commands from the container built by <see cref="TypeRegistrar"/>.</summary>
public sealed class TypeResolver(IServiceProvider provider) : ITypeResolver, IDisposable
{
    /// <inheritdoc />
    public object? Resolve(Type? type) => type is null ? null : provider.GetService(type);

    /// <inheritdoc />
    public void Dispose() => (provider as IDisposable)?.Dispose();
}
