using System.Globalization;
using System.Text;

namespace JetpackWhmcs.Benchmarks.Reporting;

/// <summary>A Markdown table printed to stdout, so results paste straight into benchmarks/RESULTS.md.</summary>
internal sealed class ResultTable(params string[] headers)
{
    private readonly List<string[]> rows = [];

    public void Add(params object[] cells) =>
        rows.Add([.. cells.Select(c => c switch
        {
            double d => d.ToString("0.0", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => c?.ToString() ?? "",
        })]);

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", headers).AppendLine(" |");
        text.Append('|').AppendJoin("", headers.Select(_ => "---|")).AppendLine();
        foreach (var row in rows)
        {
            text.Append("| ").AppendJoin(" | ", row).AppendLine(" |");
        }

        return text.ToString();
    }
}
