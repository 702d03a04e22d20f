using System.Globalization;

namespace JetpackWhmcs.Sandbox;

/// <summary>
/// The text form of fault rates, shared by the <c>--fault</c> flag and <c>PUT /_sandbox/faults</c>:
/// <c>&lt;endpoint&gt;:&lt;kind&gt;=&lt;rate&gt;</c>, or <c>&lt;kind&gt;=&lt;rate&gt;</c> for every
/// mutating endpoint (issue, revoke, attach, detach). Endpoints: get, issue, revoke, attach, detach,
/// list, product-families, partner-product-families. Kinds: graceful-close, reset,
/// close-after-headers, truncated-body, late-answer, fail-before-work, fail-after-work, rate-limited.
/// </summary>
public static class FaultSpec
{
    private static readonly (SandboxEndpoint Endpoint, string Name)[] Endpoints =
    [
        (SandboxEndpoint.GetLicense, "get"),
        (SandboxEndpoint.IssueLicense, "issue"),
        (SandboxEndpoint.RevokeLicense, "revoke"),
        (SandboxEndpoint.AttachLicense, "attach"),
        (SandboxEndpoint.DetachLicense, "detach"),
        (SandboxEndpoint.ListLicenses, "list"),
        (SandboxEndpoint.ProductFamilies, "product-families"),
        (SandboxEndpoint.PartnerProductFamilies, "partner-product-families"),
    ];

    private static readonly (FaultKind Kind, string Name)[] Kinds =
    [
        (FaultKind.GracefulClose, "graceful-close"),
        (FaultKind.LostAnswerDropConnection, "reset"),
        (FaultKind.CloseAfterHeaders, "close-after-headers"),
        (FaultKind.TruncatedBody, "truncated-body"),
        (FaultKind.LateAnswer, "late-answer"),
        (FaultKind.Failure, "fail-before-work"),
        (FaultKind.LostAnswerHttp500, "fail-after-work"),
        (FaultKind.RateLimited, "rate-limited"),
    ];

    /// <summary>The endpoints a spec without an endpoint applies to: those that change licences.</summary>
    public static IReadOnlyList<SandboxEndpoint> MutatingEndpoints { get; } =
        [SandboxEndpoint.IssueLicense, SandboxEndpoint.RevokeLicense, SandboxEndpoint.AttachLicense, SandboxEndpoint.DetachLicense];

    /// <summary>Every endpoint, in the order the control endpoints list them.</summary>
    public static IReadOnlyList<SandboxEndpoint> AllEndpoints { get; } = [.. Endpoints.Select(e => e.Endpoint)];

    /// <summary>Every kind that has a spec name, in the order the control endpoints list them.</summary>
    public static IReadOnlyList<FaultKind> NamedKinds { get; } = [.. Kinds.Select(k => k.Kind)];

    /// <summary>The endpoint's spec name, e.g. <c>issue</c>.</summary>
    public static string EndpointName(SandboxEndpoint endpoint) =>
        Endpoints.First(e => e.Endpoint == endpoint).Name;

    /// <summary>The kind's spec name, e.g. <c>graceful-close</c>; <c>lost-answer</c> for the mode-dependent kind.</summary>
    public static string KindName(FaultKind kind) =>
        kind == FaultKind.LostAnswer ? "lost-answer" : Kinds.First(k => k.Kind == kind).Name;

    /// <summary>Reads an endpoint's spec name.</summary>
    public static bool TryParseEndpoint(string? name, out SandboxEndpoint endpoint)
    {
        foreach (var (e, n) in Endpoints)
        {
            if (string.Equals(n, name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                endpoint = e;
                return true;
            }
        }

        endpoint = default;
        return false;
    }

    /// <summary>Reads a kind's spec name.</summary>
    public static bool TryParseKind(string? name, out FaultKind kind)
    {
        foreach (var (k, n) in Kinds)
        {
            if (string.Equals(n, name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>Reads one spec; one without an endpoint gives a rate for each mutating endpoint.</summary>
    /// <exception cref="FormatException">The spec is malformed; the message says what is wrong in one sentence.</exception>
    public static IReadOnlyList<FaultRate> Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var text = spec.Trim();
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            throw new FormatException($"The fault '{text}' has no rate: write <endpoint>:<kind>=<rate> or <kind>=<rate>, e.g. issue:graceful-close=0.1.");
        }

        var target = text[..equals];
        var rateText = text[(equals + 1)..].Trim();
        if (!double.TryParse(rateText, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || double.IsNaN(rate) || rate < 0 || rate > 1)
        {
            throw new FormatException($"The rate '{rateText}' in the fault '{text}' is not a share of calls from 0 to 1.");
        }

        var colon = target.IndexOf(':', StringComparison.Ordinal);
        var kindText = colon < 0 ? target : target[(colon + 1)..];
        if (!TryParseKind(kindText, out var kind))
        {
            throw new FormatException(
                $"'{kindText.Trim()}' in the fault '{text}' is not a fault kind: use one of {string.Join(", ", Kinds.Select(k => k.Name))}.");
        }

        if (colon < 0)
        {
            return [.. MutatingEndpoints.Select(e => new FaultRate(e, kind, rate))];
        }

        var endpointText = target[..colon];
        return TryParseEndpoint(endpointText, out var endpoint)
            ? [new FaultRate(endpoint, kind, rate)]
            : throw new FormatException(
                $"'{endpointText.Trim()}' in the fault '{text}' is not an endpoint: use one of {string.Join(", ", Endpoints.Select(e => e.Name))}.");
    }

    /// <summary>Reads several specs, in order; a later rate for the same endpoint and kind replaces an earlier one.</summary>
    /// <exception cref="FormatException">A spec is malformed.</exception>
    public static IReadOnlyList<FaultRate> ParseAll(IEnumerable<string> specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var rates = new Dictionary<(SandboxEndpoint, FaultKind), FaultRate>();
        foreach (var rate in specs.SelectMany(Parse))
        {
            rates[(rate.Endpoint, rate.Kind)] = rate;
        }

        return [.. rates.Values.OrderBy(r => r.Endpoint).ThenBy(r => r.Kind)];
    }

    /// <summary>The spec of one rate, e.g. <c>issue:graceful-close=0.1</c>.</summary>
    public static string Format(FaultRate rate)
    {
        ArgumentNullException.ThrowIfNull(rate);
        return $"{EndpointName(rate.Endpoint)}:{KindName(rate.Kind)}={rate.Rate.ToString("0.####", CultureInfo.InvariantCulture)}";
    }
}
