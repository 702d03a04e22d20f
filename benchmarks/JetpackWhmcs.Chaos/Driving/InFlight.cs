using System.Collections.Concurrent;

namespace JetpackWhmcs.Chaos.Driving;

/// <summary>The module calls being answered right now, by instance: what a kill interrupts.</summary>
internal sealed class InFlight
{
    private readonly ConcurrentDictionary<long, (int Instance, string Function, int ServiceId)> attempts = new();
    private long next;

    public long Enter(int instance, string function, int serviceId)
    {
        var id = Interlocked.Increment(ref next);
        attempts[id] = (instance, function, serviceId);
        return id;
    }

    public void Leave(long id) => attempts.TryRemove(id, out _);

    /// <summary>The services whose Create an instance is answering now.</summary>
    public IReadOnlySet<int> CreatesOn(int instance) =>
        attempts.Values.Where(a => a.Instance == instance && a.Function == "CreateAccount").Select(a => a.ServiceId).ToHashSet();

    /// <summary>The instances answering at least one Create now.</summary>
    public IReadOnlySet<int> InstancesAnsweringCreate() =>
        attempts.Values.Where(a => a.Function == "CreateAccount").Select(a => a.Instance).ToHashSet();
}
