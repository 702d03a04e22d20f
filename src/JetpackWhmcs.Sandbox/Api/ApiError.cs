namespace JetpackWhmcs.Sandbox.Api;

/// <summary>An error answer of the API: HTTP status plus the <c>{code, message}</c> body.</summary>
internal sealed record ApiError(int Status, string Code, string Message)
{
    public static ApiError NotFound(string key) =>
        new(404, "license_not_found", $"No license with key '{key}' was found for this partner token.");
}
