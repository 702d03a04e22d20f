namespace JetpackWhmcs.Service.Admin.Rendering;

/// <summary>Where a GET form submits and the hidden fields it must carry (see <see cref="AdminLinks.GetForm"/>).</summary>
/// <param name="Action">The form's action, without a query.</param>
/// <param name="Hidden">The fixed parameters, as hidden fields.</param>
public sealed record GetFormTarget(string Action, IReadOnlyList<KeyValuePair<string, string>> Hidden);
