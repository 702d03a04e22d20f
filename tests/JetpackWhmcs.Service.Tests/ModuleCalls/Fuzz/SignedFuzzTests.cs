using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Service.Bridge;
using JetpackWhmcs.Service.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Testing;
using Xunit.Abstractions;

namespace JetpackWhmcs.Service.Tests.ModuleCalls.Fuzz;

/// <summary>
/// Issue 11's fuzz test: thousands of correctly signed, damaged bodies across every module function
/// against the real service over HTTP. None may get a 5xx or an "internal error", the service must
/// still be up afterwards, and the ledger and the API may change only through the calls it accepted
/// as well-formed. The seed is fixed, so a failure replays.
/// </summary>
public sealed class SignedFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20261202;

    private const int Calls = 4000;

    private static string OwnerOf(LicenseRecord row) => row.AddonId is { } addon ? $"addon:{addon}" : $"service:{row.ServiceId}";

    private static async Task<IReadOnlyList<LicenseRecord>> AllRowsAsync(ILicenseLedger ledger) =>
        await ledger.ListAsync(new LedgerQuery { Limit = 100_000 });

    [Fact]
    public async Task Signed_malformed_bodies_across_every_function_get_a_4xx_sentence_and_change_only_what_well_formed_calls_change()
    {
        using var logs = new FakeLoggerProvider();
        await using var service = await ServiceUnderTest.StartAsync(logs: logs);
        foreach (var serviceId in MalformedBodies.LicensedServices)
        {
            Assert.Equal("success", (await service.Whmcs.CallAsync("CreateAccount", ServiceUnderTest.ServiceParams(serviceId))).ResultText);
        }

        var before = (await AllRowsAsync(service.Ledger)).ToDictionary(r => r.Id);
        var calls = MalformedBodies.Generate(Seed, Calls);
        var answers = new ConcurrentBag<(FuzzCall Call, BridgeResponse Response)>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(calls, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (call, cancellationToken) =>
            answers.Add((call, await service.Whmcs.SendAsync(call.Function, call.Body, cancellationToken))));
        output.WriteLine($"{Calls} signed calls in {clock.Elapsed.TotalSeconds:F1} s");

        var failures = new List<string>();
        var acceptedOwners = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (call, response) in answers.OrderBy(a => a.Call.Index))
        {
            var wellFormed = WellFormedBody.Check(call.Body, out var owner);
            var status = (int)response.Status;
            string? wrong = status switch
            {
                >= 500 => "a 5xx",
                200 when call.MustBeRefused || !wellFormed => "accepted although malformed",
                200 when response.Body.Contains("internal error", StringComparison.Ordinal) => "an internal error",
                200 => null,
                400 when wellFormed => "refused although well-formed",
                400 when string.IsNullOrWhiteSpace(response.Error) || response.Body.Contains("   at ", StringComparison.Ordinal) => "a 400 without a sentence",
                400 => null,
                _ => "an unexpected status",
            };
            if (wrong is not null)
            {
                failures.Add($"#{call.Index} {call.Function} ({call.Kind}): {wrong}: {status} {response.Body}");
            }

            if (status == 200 && owner is not null)
            {
                acceptedOwners.Add(owner);
            }
        }

        foreach (var group in answers.GroupBy(a => (a.Call.Kind, (int)a.Response.Status)).OrderBy(g => g.Key))
        {
            output.WriteLine($"{group.Key.Kind,-22} {group.Key.Item2} x{group.Count()}");
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {Calls} calls answered wrongly:\n{string.Join('\n', failures.Take(25))}");
        Assert.Contains(answers, a => a.Response.Status == HttpStatusCode.OK);

        // The ledger changed only for owners some accepted call named; the API issued nothing the ledger lacks.
        var after = await AllRowsAsync(service.Ledger);
        var changed = after.Where(r => !before.TryGetValue(r.Id, out var old) || old != r)
            .Concat(before.Values.Where(old => after.All(r => r.Id != old.Id)))
            .Select(OwnerOf)
            .Where(o => !acceptedOwners.Contains(o))
            .Distinct()
            .ToList();
        Assert.True(changed.Count == 0, $"ledger rows changed without an accepted call: {string.Join(", ", changed)}");
        Assert.DoesNotContain(after, r => r.State == LicenseState.Pending);
        var keys = after.Select(r => r.LicenseKey).ToHashSet(StringComparer.Ordinal);
        Assert.All(service.Sandbox.Store.LicensesOf(ServiceUnderTest.Token), l => Assert.Contains(l.LicenseKey, keys));

        // No client mistake left a stack trace or an unexpected failure in the log.
        Assert.DoesNotContain(logs.Collector.GetSnapshot(), r => r.Exception is not null || r.Message.Contains("failed unexpectedly", StringComparison.Ordinal));

        // Still up, and still doing its job.
        Assert.False(service.App.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        using var health = await service.Http.GetAsync("healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("success", (await service.Whmcs.CallAsync("CreateAccount", ServiceUnderTest.ServiceParams(999))).ResultText);
    }
}
