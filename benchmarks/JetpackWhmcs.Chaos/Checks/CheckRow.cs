namespace JetpackWhmcs.Chaos.Checks;

/// <summary>One line of the result table: what must hold, what was seen, and whether it held.</summary>
internal sealed record CheckRow(string Check, string Expected, string Seen, bool Pass);
