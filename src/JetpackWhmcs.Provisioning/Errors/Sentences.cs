using JetpackWhmcs.Licensing;

namespace JetpackWhmcs.Provisioning.Errors;

/// <summary>
/// The sentences admins and customers read. Each says what went wrong and what to do, with the
/// Jetpack request id when there is one, and never contains the partner token.
/// </summary>
internal static class Sentences
{
    public const string InProgress =
        "A Jetpack licence for this service is being issued right now (in progress); retry in a minute.";

    public const string MissingOwner =
        "This call carries neither a service id nor an addon id; run it from the service's page in WHMCS.";

    public const string MissingToken =
        "The Jetpack API token is not set; enter it in the product's module settings and try again.";

    public const string MissingProduct =
        "No Jetpack product is selected; choose one in the product's module settings and try again.";

    public const string InvalidProduct =
        "The Jetpack product setting is not a valid product slug; choose a product again in the module settings.";

    public const string NoLicense =
        "This service has no Jetpack licence yet; run Create (Module Create) to issue one.";

    public const string NoDomain =
        "This service has no domain; enter the site's address in the service's Domain field and try again.";

    public static string MayHaveBeenIssued(string? requestId) =>
        "The Jetpack API did not confirm the new licence, so it may have been issued; run Create again in a few minutes and the licence will be recovered, not issued twice" + RequestIdSuffix(requestId) + ".";

    public static string ApiFailure(string action, JetpackApiException exception) =>
        $"Jetpack refused to {action}: {Describe(exception)}; {Advice(exception)}{RequestIdSuffix(exception.RequestId)}.";

    public static string Unconfirmed(string action, JetpackApiException exception) =>
        $"The Jetpack API did not confirm that it could {action} ({Describe(exception)}); try again in a minute{RequestIdSuffix(exception.RequestId)}.";

    public static string RequestIdSuffix(string? requestId) =>
        string.IsNullOrEmpty(requestId) ? "" : $" (Jetpack request id {requestId})";

    public static string Describe(JetpackApiException exception)
    {
        var status = exception.StatusCode is { } code ? $"HTTP {(int)code}" : "no answer";
        var detail = exception.ApiMessage ?? exception.ErrorCode;
        return string.IsNullOrWhiteSpace(detail) ? status : $"{Trim(detail)} ({status}{(exception.ErrorCode is null ? "" : ", " + exception.ErrorCode)})";
    }

    private static string Advice(JetpackApiException exception) => (int?)exception.StatusCode switch
    {
        401 or 403 => "check the API token in the product's module settings",
        404 => "check that the licence still exists in the Jetpack partner portal",
        429 => "Jetpack is rate limiting requests, wait a minute and try again",
        400 => "check the product and domain settings of this service",
        >= 500 => "Jetpack had a problem, try again in a few minutes",
        _ => "try again later or contact Jetpack partner support",
    };

    private static string Trim(string text)
    {
        text = text.Trim().TrimEnd('.');
        return text.Length > 200 ? text[..200] + "…" : text;
    }
}
