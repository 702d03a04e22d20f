namespace JetpackWhmcs.Operator.Products;

/// <summary>What a product creation or token replacement did.</summary>
/// <param name="Succeeded">True when it was written; false when it was refused and nothing changed.</param>
/// <param name="Sentence">What was done, or what went wrong and what to do (with the Jetpack request id when there is one).</param>
/// <param name="Id">The new product's or addon's id.</param>
public sealed record SetupResult(bool Succeeded, string Sentence, long? Id = null);
