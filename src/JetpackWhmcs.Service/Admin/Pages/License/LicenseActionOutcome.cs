namespace JetpackWhmcs.Service.Admin.Pages.License;

/// <summary>What a posted licence action did: a sentence for the page, green or red.</summary>
/// <param name="Succeeded">True when the engine carried it out.</param>
/// <param name="Sentence">What was done, or what went wrong and what to do, with the Jetpack request id.</param>
public sealed record LicenseActionOutcome(bool Succeeded, string Sentence);
