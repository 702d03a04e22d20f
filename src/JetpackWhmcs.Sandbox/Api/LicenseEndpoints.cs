namespace JetpackWhmcs.Sandbox.Api;

/// <summary>GET/POST/DELETE /license and POST/DELETE /license/{key}/site.</summary>
internal static class LicenseEndpoints
{
    public static SandboxResponse Get(SandboxCall call)
    {
        if (RequiredKey(call, out var key) is { } missing)
        {
            return missing;
        }

        return call.Store.Find(call.Token, key) is { } license
            ? SandboxResponse.Ok(ApiJson.License(license))
            : ApiError.NotFound(key);
    }

    public static SandboxResponse Issue(SandboxCall call)
    {
        var slug = call.Param("product");
        if (string.IsNullOrWhiteSpace(slug))
        {
            return new ApiError(400, "invalid_product", "No product was given: send the product slug as 'product', e.g. jetpack-backup-daily.");
        }

        if (SandboxCatalogue.FindProduct(slug) is not { } product)
        {
            return new ApiError(400, "invalid_product", $"'{slug}' is not a product you can issue; see GET /partner/product-families.");
        }

        return SandboxResponse.Ok(ApiJson.License(call.Store.Issue(call.Token, product)));
    }

    public static SandboxResponse Revoke(SandboxCall call)
    {
        if (RequiredKey(call, out var key) is { } missing)
        {
            return missing;
        }

        return Answer(call.Store.Revoke(call.Token, key));
    }

    public static SandboxResponse Attach(SandboxCall call)
    {
        var key = call.RouteValue("license_key") ?? string.Empty;
        var site = call.Param("site");
        if (string.IsNullOrWhiteSpace(site))
        {
            return new ApiError(400, "rest_missing_callback_param", "Missing parameter(s): site");
        }

        return Answer(call.Store.Attach(call.Token, key, site));
    }

    public static SandboxResponse Detach(SandboxCall call)
    {
        var key = call.RouteValue("license_key") ?? string.Empty;
        var email = call.Query("cancellation_email");
        if (email is not null and not "0" and not "1" and not "true" and not "false")
        {
            return new ApiError(400, "rest_invalid_param", "Invalid parameter(s): cancellation_email (send 0 or 1).");
        }

        return Answer(call.Store.Detach(call.Token, key));
    }

    private static SandboxResponse Answer(Store.StoreOutcome outcome) =>
        outcome.License is { } license ? SandboxResponse.Ok(ApiJson.License(license)) : SandboxResponse.Fail(outcome.Error!);

    private static SandboxResponse? RequiredKey(SandboxCall call, out string key)
    {
        key = call.Query("license_key") ?? string.Empty;
        return string.IsNullOrWhiteSpace(key)
            ? SandboxResponse.Fail(new ApiError(400, "rest_missing_callback_param", "Missing parameter(s): license_key"))
            : null;
    }
}
