using System.Text.RegularExpressions;
using JetpackWhmcs.Provisioning.Errors;

namespace JetpackWhmcs.Provisioning.Lifecycle;

/// <summary>What a licence function needs before it touches the ledger or the API.</summary>
internal static partial class Guards
{
    /// <summary>An error result when the owner or the token (and, when asked, the product) is missing.</summary>
    public static ModuleResult? Check(Invocation invocation, bool needsProduct = false)
    {
        if (!invocation.HasOwner)
        {
            return Invalid(Sentences.MissingOwner);
        }

        if (JetpackWhmcs.Licensing.PartnerTokenFormat.Problem(invocation.Token) is { } tokenProblem)
        {
            return Invalid(tokenProblem);
        }

        if (needsProduct)
        {
            if (invocation.Settings.ProductSlug.Length == 0)
            {
                return Invalid(Sentences.MissingProduct);
            }

            if (!ProductSlug().IsMatch(invocation.Settings.ProductSlug))
            {
                return Invalid(Sentences.InvalidProduct);
            }
        }

        return null;
    }

    public static ModuleResult Invalid(string sentence) => new(System.Text.Json.Nodes.JsonValue.Create(sentence), ModuleOutcome.InvalidInput);

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,99}$")]
    private static partial Regex ProductSlug();
}
