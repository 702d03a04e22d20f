using System.Globalization;
using System.Text.Json;

namespace JetpackWhmcs.Service.Admin.Endpoint;

/// <summary>
/// The body of a signed admin call (docs/admin-protocol.md), parsed and checked before any action
/// runs: a call that names no admin, or whose fields have the wrong shape, is refused with a sentence.
/// </summary>
public sealed class AdminCallBody
{
    /// <summary>Where WHMCS serves the addon module when the body does not say.</summary>
    public const string DefaultModuleLink = "addonmodules.php?module=jetpack";

    private const int MaxValueLength = 4096;

    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 8, AllowDuplicateProperties = false };

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>(StringComparer.Ordinal);

    private AdminCallBody()
    {
    }

    /// <summary>The admin the call names.</summary>
    public AdminUser Admin { get; private init; } = new(0, "");

    /// <summary>True when the admin's browser posted a form (a state-changing page call).</summary>
    public bool IsPost { get; private init; }

    /// <summary><c>$vars['modulelink']</c>: every link and form of a rendered page points there.</summary>
    public string ModuleLink { get; private init; } = DefaultModuleLink;

    /// <summary><c>$_GET</c> without <c>module</c>.</summary>
    public IReadOnlyDictionary<string, string> Query { get; private init; } = Empty;

    /// <summary><c>$_POST</c> without <c>token</c>, for a POST whose CSRF token WHMCS has checked.</summary>
    public IReadOnlyDictionary<string, string> Form { get; private init; } = Empty;

    /// <summary>WHMCS's CSRF token, put into every rendered form as the hidden field <c>token</c>.</summary>
    public string Csrf { get; private init; } = "";

    /// <summary>The addon's saved settings (never logged or shown; <c>api_token</c> is used).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; private init; } = Empty;

    /// <summary>The admin's WHMCS language, for later translations.</summary>
    public string Language { get; private init; } = "english";

    /// <summary>Parses <paramref name="body"/>; null with the sentence for the 400 answer when it is unusable.</summary>
    public static AdminCallBody? Read(ReadOnlyMemory<byte> body, out string? error)
    {
        try
        {
            using var document = JsonDocument.Parse(body, ParseOptions);
            return Check(document.RootElement, out error);
        }
        catch (JsonException e)
        {
            error = $"The body is not valid JSON ({e.Message.Split(" Path:")[0].Split(" LineNumber:")[0].TrimEnd('.', ' ')}): nothing was done.";
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // Text that is no Unicode (an unpaired surrogate escape) throws when read as a string.
            error = "The body holds text that is not valid Unicode: send UTF-8 text; nothing was done.";
            return null;
        }
    }

    private static AdminCallBody? Check(JsonElement root, out string? error)
    {
        error = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = "The body must be a JSON object with at least \"admin\": nothing was done.";
            return null;
        }

        if (ReadAdmin(root, out error) is not { } admin)
        {
            return null;
        }

        var method = Text(root, "method") ?? "GET";
        if (method is not ("GET" or "POST"))
        {
            error = "\"method\" must be \"GET\" or \"POST\": nothing was done.";
            return null;
        }

        var moduleLink = Text(root, "modulelink");
        if (moduleLink is not null && !IsRelativeLink(moduleLink))
        {
            error = "\"modulelink\" must be WHMCS's relative addon link (addonmodules.php?module=jetpack): nothing was done.";
            return null;
        }

        return new AdminCallBody
        {
            Admin = admin,
            IsPost = method == "POST",
            ModuleLink = string.IsNullOrEmpty(moduleLink) ? DefaultModuleLink : moduleLink,
            Query = Strings(root, "query"),
            Form = method == "POST" ? Strings(root, "form") : Empty,
            Csrf = Text(root, "csrf") ?? "",
            Settings = Strings(root, "settings"),
            Language = Text(root, "language") is { Length: > 0 } language ? language : "english",
        };
    }

    private static AdminUser? ReadAdmin(JsonElement root, out string? error)
    {
        error = "The call names no admin (\"admin\": {\"id\": ..., \"username\": ...}): only WHMCS admins reach these pages, so nothing was done.";
        if (!root.TryGetProperty("admin", out var admin) || admin.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        long? id = admin.TryGetProperty("id", out var idElement) ? idElement.ValueKind switch
        {
            JsonValueKind.Number when idElement.TryGetInt64(out var n) => n,
            JsonValueKind.String when long.TryParse(idElement.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        } : null;
        var username = Text(admin, "username")?.Trim();
        if (id is not >= 0 || string.IsNullOrEmpty(username) || username.Length > AdminUser.MaxUsernameLength || username.Any(char.IsControl))
        {
            return null;
        }

        error = null;
        return new AdminUser(id.Value, username);
    }

    /// <summary>A WHMCS admin link is relative (no scheme, no host): an absolute one would send forms elsewhere.</summary>
    private static bool IsRelativeLink(string link) =>
        link.Length <= 255 && !link.Contains("//", StringComparison.Ordinal) && !link.Contains(':', StringComparison.Ordinal)
        && !link.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is '"' or '<' or '>' or '\'' or '\\');

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>
    /// An object of strings (numbers become their text). PHP's json_encode turns an empty array into
    /// <c>[]</c>, so an empty list is an empty object; nested arrays (<c>a[]=1</c>) are no value a page reads.
    /// </summary>
    private static Dictionary<string, string> Strings(JsonElement root, string name)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!root.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.Object)
        {
            return values;
        }

        foreach (var property in element.EnumerateObject())
        {
            var text = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetRawText(),
                _ => null,
            };
            if (text is not null && text.Length <= MaxValueLength)
            {
                values[property.Name] = text;
            }
        }

        return values;
    }
}
