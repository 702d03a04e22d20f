using JetpackWhmcs.Operator.Products;
using JetpackWhmcs.Whmcs;

namespace JetpackWhmcs.Service.Admin.Pages.Products;

/// <summary>What the Products page shows.</summary>
/// <param name="Availability">Whether WHMCS's tables are there.</param>
/// <param name="Products">The Jetpack products and addons in WHMCS.</param>
/// <param name="Catalogue">Jetpack's products (slug, name) for the create form; empty when the API did not answer.</param>
/// <param name="Result">What a posted form did.</param>
public sealed record ProductsPageState(WhmcsAvailability Availability, IReadOnlyList<ProductView> Products, IReadOnlyList<(string Slug, string Name)> Catalogue, SetupResult? Result);
