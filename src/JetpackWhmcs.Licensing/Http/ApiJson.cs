using System.Text.Json;
using System.Text.Json.Serialization;
using JetpackWhmcs.Licensing.Models;

namespace JetpackWhmcs.Licensing.Http;

/// <summary>
/// Reads success bodies leniently: unknown fields are ignored, missing optional fields keep their
/// defaults, numbers sent as strings are accepted. A body that cannot be read is a
/// <see cref="JetpackApiException"/>, never a crash.
/// </summary>
internal static class ApiJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static License ReadLicense(ApiRequest request, ApiAnswer answer)
    {
        var license = Read<License>(request, answer, "a licence");
        return HasKey(license) ? license : throw ApiFailures.Malformed(request, answer, "a licence without a license_key", null);
    }

    public static LicensePage ReadLicensePage(ApiRequest request, ApiAnswer answer)
    {
        var page = Read<LicensePage>(request, answer, "a page of licences");
        var items = page.Items ?? [];
        if (items.Any(item => item is null || !HasKey(item)))
        {
            throw ApiFailures.Malformed(request, answer, "a licence list holding an item without a license_key", null);
        }

        return page with { Items = items };
    }

    public static IReadOnlyList<T> ReadList<T>(ApiRequest request, ApiAnswer answer, string what)
    {
        var list = Read<List<T?>>(request, answer, what);
        return list.Any(item => item is null)
            ? throw ApiFailures.Malformed(request, answer, $"{what} holding an empty entry", null)
            : list.ConvertAll(item => item!);
    }

    private static T Read<T>(ApiRequest request, ApiAnswer answer, string what)
    {
        if (string.IsNullOrWhiteSpace(answer.Body))
        {
            throw ApiFailures.Malformed(request, answer, $"an empty body instead of {what}", null);
        }

        try
        {
            return JsonSerializer.Deserialize<T>(answer.Body, Options)
                ?? throw ApiFailures.Malformed(request, answer, $"null instead of {what}", null);
        }
        catch (JsonException ex) when (LooksLikeJson(answer.Body))
        {
            throw ApiFailures.Malformed(request, answer, $"JSON that is not {what} ({Summarise(ex)})", ex);
        }
        catch (JsonException ex)
        {
            throw ApiFailures.Malformed(request, answer, $"a body that is not JSON instead of {what}", ex);
        }
    }

    private static bool HasKey(License license) => !string.IsNullOrWhiteSpace(license.LicenseKey);

    private static bool LooksLikeJson(string body)
    {
        var trimmed = body.TrimStart();
        return trimmed.StartsWith('{') || trimmed.StartsWith('[');
    }

    /// <summary>The parser's complaint without the exception type and with the JSON path.</summary>
    private static string Summarise(JsonException ex)
    {
        if (ex.Message.Contains("missing required properties", StringComparison.Ordinal))
        {
            return "license_key is missing";
        }

        return ex.Path is { Length: > 0 } path ? $"unexpected value at {path}" : "it is malformed";
    }
}
