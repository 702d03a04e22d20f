using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using JetpackWhmcs.Provisioning;
using JetpackWhmcs.Service.Tests.Support;

namespace JetpackWhmcs.Service.Tests.ModuleCalls.Fuzz;

/// <summary>One signed call of the fuzz run: the function, the body bytes, how they were damaged.</summary>
/// <param name="MustBeRefused">True when the damage makes the body malformed whatever the random draw; false for
/// random byte flips, which sometimes leave a well-formed body (<see cref="WellFormedBody"/> decides).</param>
public sealed record FuzzCall(int Index, string Function, string Kind, byte[] Body, bool MustBeRefused);

/// <summary>
/// Damaged module-call bodies from a fixed seed, round-robin over every module function: each starts as
/// the body the bridge would send for a service or addon, some of them holding a licence already, so a
/// damaged Terminate, Suspend or ChangePackage that got through would show in the ledger.
/// </summary>
public static class MalformedBodies
{
    /// <summary>Services holding a licence before the run (the test creates them) and ones that do not.</summary>
    public static readonly long[] LicensedServices = [1, 2, 3];

    private static readonly long[] FreshServices = [11, 12];

    private static readonly string[] IdKeys = ["serviceid", "addonId", "orderid", "pid", "userid"];

    private static readonly string[] TextKeys = ["domain", "status", "configoption1", "configoption2", "configoption3", "configoption4", "configoption24"];

    private static readonly string[] WrongIds = ["-1", "1.5", "true", "false", "{}", "[]", "[1]", "\"12a\"", "\"-3\"", "\"1e3\"", "\" 1\"", "1e30", "\"9999999999999999999\"", "{\"id\":1}"];

    private static readonly string[] WrongTexts = ["{}", "[]", "[\"jetpack-scan\"]", "{\"a\":\"b\"}"];

    private static readonly string[] LoneSurrogates = ["\\ud800", "\\udfff", "\\ud83d", "x\\udc00y", "\\ud800\\ud800"];

    private static readonly byte[][] InvalidUtf8 = [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80], [0xC0, 0xAF]];

    private static readonly string[] ControlCharacters = ["\\u0000", "\\u0001", "\\n", "\\t", "\\u001f", "\\u007f", "\\u0085"];

    private static readonly string[] NotJson =
    [
        "", " ", "params", "{'params': {}}", "{\"params\": {},}", "/* c */ {\"params\": {}}", "{\"params\": {}} x", "{\"params\": NaN}",
        "{\"params\": {\"serviceid\": 01}}", "{\"params\" {}}", "{params: {}}", "\u0000", "{\"params\": {\"serviceid\": 1}}}", "{{}}",
    ];

    private static readonly string[] RootNotObject = ["[]", "[{\"params\":{}}]", "1", "\"params\"", "null", "true", "-0"];

    private static readonly string[] ParamsNotObject = ["\"x\"", "1", "true", "[1]", "[{}]", "\"\""];

    // Bytes that break JSON structure or encoding more often than not; a space or a letter inside the
    // token would only test the token's own checks (issue 11, finding 2), which is another test's job.
    private static readonly byte[] FlipBytes = "\"\\{}[]:,"u8.ToArray().Concat(new byte[] { 0x00, 0x01, 0x0A, 0x1F, 0x80, 0xC0, 0xFF }).ToArray();

    private const string Marker = "@@FUZZ@@";

    /// <summary><paramref name="count"/> calls from <paramref name="seed"/>; the same seed gives the same calls.</summary>
    public static IReadOnlyList<FuzzCall> Generate(int seed, int count)
    {
        var random = new Random(seed);
        var functions = ModuleFunctions.All;
        var calls = new List<FuzzCall>(count);
        for (var i = 0; i < count; i++)
        {
            var function = functions[i % functions.Count];
            var (kind, body, refused) = Damage(random, BaseParams(random));
            calls.Add(new FuzzCall(i, function, kind, body, refused));
        }

        return calls;
    }

    private static JsonObject BaseParams(Random random)
    {
        var licensed = random.Next(3) > 0;
        var serviceId = licensed ? LicensedServices[random.Next(LicensedServices.Length)] : FreshServices[random.Next(FreshServices.Length)];
        var parameters = ServiceUnderTest.ServiceParams(serviceId, random.Next(2) == 0 ? "jetpack-backup-daily" : "jetpack-scan");
        if (random.Next(4) == 0)
        {
            // An addon call: the parent service and the addon's own id; PHP sends ids as strings too.
            parameters["addonId"] = random.Next(2) == 0 ? 21 : "22";
        }

        return parameters;
    }

    private static (string Kind, byte[] Body, bool MustBeRefused) Damage(Random random, JsonObject parameters)
    {
        return random.Next(12) switch
        {
            0 => ("truncated", Truncated(random, parameters), true),
            1 => ("lone surrogate", WithRawValue(random, parameters, "\"" + Pick(random, LoneSurrogates) + "\""), true),
            2 => ("duplicate key", DuplicateKey(random, parameters), true),
            3 => ("wrong id type", WithRawValue(parameters, Pick(random, IdKeys), Pick(random, WrongIds)), true),
            4 => ("wrong text type", WrongTextType(random, parameters), true),
            5 => ("too long", TooLong(random, parameters), true),
            6 => ("control character", WithRawValue(parameters, Pick(random, TextKeys), "\"a" + Pick(random, ControlCharacters) + "b\""), true),
            7 => ("invalid UTF-8", InvalidUtf8Text(random, parameters), true),
            8 => ("too deep", WithRawValue(parameters, "clientsdetails", Nested(random.Next(33, 3000))), true),
            9 => Random3(random, parameters),
            _ => ("byte flip", Flipped(random, parameters), false),
        };
    }

    private static (string, byte[], bool) Random3(Random random, JsonObject parameters) => random.Next(3) switch
    {
        0 => ("not JSON", Encoding.UTF8.GetBytes(Pick(random, NotJson)), true),
        1 => ("root not an object", Encoding.UTF8.GetBytes(Pick(random, RootNotObject)), true),
        _ => ("params not an object", Encoding.UTF8.GetBytes("{\"params\":" + Pick(random, ParamsNotObject) + "}"), true),
    };

    private static byte[] Body(JsonObject parameters) => Encoding.UTF8.GetBytes(new JsonObject { ["params"] = parameters.DeepClone() }.ToJsonString());

    private static byte[] Truncated(Random random, JsonObject parameters)
    {
        var body = Body(parameters);
        return body[..random.Next(body.Length)];
    }

    /// <summary>The body with <paramref name="key"/> of params set to <paramref name="rawJson"/> as written.</summary>
    private static byte[] WithRawValue(JsonObject parameters, string key, string rawJson)
    {
        var copy = (JsonObject)parameters.DeepClone();
        copy[key] = Marker;
        return Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Body(copy)).Replace("\"" + Marker + "\"", rawJson, StringComparison.Ordinal));
    }

    /// <summary>A known text key, or a key nobody reads (the body's text is checked as a whole).</summary>
    private static byte[] WithRawValue(Random random, JsonObject parameters, string rawJson) =>
        WithRawValue(parameters, random.Next(4) == 0 ? "x-unread-" + random.Next(100).ToString(CultureInfo.InvariantCulture) : Pick(random, TextKeys), rawJson);

    private static byte[] DuplicateKey(Random random, JsonObject parameters)
    {
        var text = Encoding.UTF8.GetString(Body(parameters));
        if (random.Next(3) == 0)
        {
            return Encoding.UTF8.GetBytes(text[..^1] + ",\"params\":{}}");
        }

        var key = Pick(random, parameters.Select(p => p.Key).ToArray());
        return Encoding.UTF8.GetBytes("{\"params\":{\"" + key + "\":" + random.Next(1, 50).ToString(CultureInfo.InvariantCulture) + "," + text["{\"params\":{".Length..]);
    }

    private static byte[] WrongTextType(Random random, JsonObject parameters) => random.Next(3) switch
    {
        0 => WithRawValue(parameters, "clientsdetails", Pick(random, ["\"me\"", "5", "true", "[1]", "[\"a\"]"])),
        1 => WithRawValue(parameters, "clientsdetails", "{\"email\":" + Pick(random, WrongTexts) + "}"),
        _ => WithRawValue(parameters, Pick(random, TextKeys), Pick(random, WrongTexts)),
    };

    private static byte[] TooLong(Random random, JsonObject parameters)
    {
        var copy = (JsonObject)parameters.DeepClone();
        switch (random.Next(3))
        {
            case 0:
                copy["domain"] = "a." + new string('x', random.Next(254, 2000)) + ".example";
                break;
            case 1:
                copy["configoption" + random.Next(1, 25).ToString(CultureInfo.InvariantCulture)] = new string('t', random.Next(513, 5000));
                break;
            default:
                copy["clientsdetails"] = new JsonObject { ["email"] = new string('e', random.Next(256, 1000)) + "@example.com" };
                break;
        }

        return Body(copy);
    }

    private static byte[] InvalidUtf8Text(Random random, JsonObject parameters)
    {
        var copy = (JsonObject)parameters.DeepClone();
        copy[random.Next(4) == 0 ? "x-unread" : Pick(random, TextKeys)] = "a" + Marker + "b";
        var body = Body(copy);
        var at = body.AsSpan().IndexOf(Encoding.ASCII.GetBytes(Marker));
        return [.. body[..at], .. Pick(random, InvalidUtf8), .. body[(at + Marker.Length)..]];
    }

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    private static byte[] Flipped(Random random, JsonObject parameters)
    {
        var body = Body(parameters);
        for (var flips = random.Next(1, 4); flips > 0; flips--)
        {
            body[random.Next(body.Length)] = FlipBytes[random.Next(FlipBytes.Length)];
        }

        return body;
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
