using JetpackWhmcs.Licensing;
using JetpackWhmcs.Licensing.Models;
using JetpackWhmcs.Provisioning.Errors;

namespace JetpackWhmcs.Operator.Products;

/// <summary>Proves a partner token with one read of the API (a list of one licence) before anything is written with it.</summary>
public sealed class TokenCheck(IJetpackLicensingClient client)
{
    /// <summary>Null when Jetpack accepts <paramref name="token"/>; otherwise the sentence saying why not (never the token).</summary>
    public async Task<string?> ProblemAsync(string token, CancellationToken cancellationToken = default)
    {
        if (PartnerTokenFormat.Problem(token) is { } format)
        {
            return format;
        }

        try
        {
            await client.ListLicensesAsync(token, new LicenseListQuery { Page = 1, PerPage = 1 }, cancellationToken);
            return null;
        }
        catch (JetpackApiException exception) when ((int?)exception.StatusCode is 401 or 403)
        {
            return $"Jetpack did not accept the token ({Sentences.Describe(exception)}): copy it again from the Jetpack partner portal; nothing was changed{Sentences.RequestIdSuffix(exception.RequestId)}.";
        }
        catch (JetpackApiException exception)
        {
            return Sentences.Unconfirmed("accept the token", exception).TrimEnd('.') + "; nothing was changed.";
        }
    }
}
