using System.Globalization;
using JetpackWhmcs.Sandbox;

namespace JetpackWhmcs.Service.Commands.Sandbox;

/// <summary>
/// The fault flags <c>sandbox</c> and <c>serve --sandbox</c> share: <c>--fault SPEC</c> (repeatable,
/// <see cref="FaultSpec"/>) and <c>--late-answer-delay MS</c>, checked the same way and applied the same way.
/// </summary>
public static class SandboxFaultFlags
{
    /// <summary>The help text of <c>--fault</c>.</summary>
    public const string FaultDescription =
        "A fault rate, <endpoint>:<kind>=<rate> or <kind>=<rate> for issue, revoke, attach and detach (repeatable). "
        + "Kinds: graceful-close, reset, close-after-headers, truncated-body, late-answer, fail-before-work, fail-after-work, rate-limited. "
        + "Endpoints: get, issue, revoke, attach, detach, list, product-families, partner-product-families";

    /// <summary>The help text of <c>--late-answer-delay</c>.</summary>
    public const string LateAnswerDelayDescription =
        "How long after the work a late-answer fault answers, in milliseconds; make it exceed the client's attempt timeout. Default 20000";

    /// <summary>Null when the flags are usable, else a sentence saying what is wrong.</summary>
    public static string? Check(IEnumerable<string> specs, int? lateAnswerDelayMs)
    {
        if (lateAnswerDelayMs is < 0)
        {
            return "--late-answer-delay must not be negative.";
        }

        try
        {
            // A scratch instance checks that each endpoint's rates add up to at most 1.
            new FaultSettings().ReplaceFaultRates(FaultSpec.ParseAll(specs));
            return null;
        }
        catch (FormatException e)
        {
            return e.Message;
        }
        catch (ArgumentException e)
        {
            var cut = e.Message.IndexOf(" (Parameter", StringComparison.Ordinal);
            return "--fault: " + (cut < 0 ? e.Message : e.Message[..cut]);
        }
    }

    /// <summary>
    /// Sets the rates and the delay on <paramref name="faults"/>. The rates replace the older
    /// failure and lost-answer knobs, so apply those afterwards when both are given.
    /// </summary>
    public static void Apply(FaultSettings faults, IReadOnlyCollection<string> specs, int? lateAnswerDelayMs)
    {
        ArgumentNullException.ThrowIfNull(faults);
        if (specs.Count > 0)
        {
            faults.ReplaceFaultRates(FaultSpec.ParseAll(specs));
        }

        if (lateAnswerDelayMs is { } delay)
        {
            faults.LateAnswerDelay = TimeSpan.FromMilliseconds(delay);
        }
    }

    /// <summary>The rates for a banner, e.g. <c>issue:reset=0.01, revoke:reset=0.01</c>; never a token.</summary>
    public static string Describe(FaultSettings faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        var rates = faults.FaultRates;
        return rates.Count == 0
            ? "no fault rates"
            : "faults " + string.Join(", ", rates.Select(FaultSpec.Format)) + ", late answers after "
                + faults.LateAnswerDelay.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms";
    }
}
