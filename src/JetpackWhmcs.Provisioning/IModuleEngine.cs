using System.Text.Json;

namespace JetpackWhmcs.Provisioning;

/// <summary>
/// The WHMCS module functions for Jetpack licences. The bridge forwards each WHMCS call here with the
/// subset of <c>$params</c> the engine needs; the answer is what the PHP function returns to WHMCS.
/// </summary>
public interface IModuleEngine
{
    /// <summary>The WHMCS function names this engine answers (<c>CreateAccount</c>, <c>ClientArea</c>, <c>AttachLicense</c>, ...).</summary>
    IReadOnlyCollection<string> Functions { get; }

    /// <summary>
    /// Runs one module function. Never throws for bad input or API failures: those become the error
    /// sentence (core and button functions) or the documented error shape (array functions). Throws
    /// <see cref="ArgumentException"/> only for an unknown function name.
    /// </summary>
    /// <param name="functionName">The WHMCS function name without the <c>jetpack_</c> prefix.</param>
    /// <param name="parameters">The marshalled <c>$params</c> as a JSON object (see docs/bridge-protocol.md).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ModuleResult> InvokeAsync(string functionName, JsonElement parameters, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs one module function with parameters already parsed by <see cref="Parameters.ModuleParameters.TryParse"/>
    /// (the service's endpoint parses the body once, for its checks and for the engine). Same answers
    /// and exceptions as the JSON overload.
    /// </summary>
    /// <param name="functionName">The WHMCS function name without the <c>jetpack_</c> prefix.</param>
    /// <param name="parameters">The parsed parameters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ModuleResult> InvokeAsync(string functionName, Parameters.ModuleParameters parameters, CancellationToken cancellationToken = default);
}
