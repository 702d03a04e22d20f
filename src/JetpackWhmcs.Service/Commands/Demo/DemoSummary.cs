namespace JetpackWhmcs.Service.Commands.Demo;

/// <summary>The demo's closing cross-check of the ledger against the sandbox.</summary>
/// <param name="Rows">One line per check: what, ledger value, sandbox value, whether it holds.</param>
/// <param name="Elapsed">How long the demo took.</param>
public sealed record DemoSummary(IReadOnlyList<DemoCheck> Rows, TimeSpan Elapsed)
{
    /// <summary>True when every check holds.</summary>
    public bool Holds => Rows.All(r => r.Holds);
}
