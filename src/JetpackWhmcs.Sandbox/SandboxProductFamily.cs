namespace JetpackWhmcs.Sandbox;

/// <summary>A family of products in the sandbox catalogue.</summary>
/// <param name="Name">Display name, e.g. <c>Jetpack Packs</c>.</param>
/// <param name="Slug">Family slug.</param>
/// <param name="Description">Optional description (omitted from the JSON when null).</param>
/// <param name="Products">The family's products.</param>
public sealed record SandboxProductFamily(string Name, string Slug, string? Description, IReadOnlyList<SandboxProduct> Products);
