using System.Security.Cryptography;
using System.Text;

namespace JetpackWhmcs.Service.Hosting;

/// <summary>
/// The stable name of this service instance, proven unique by an exclusive lock on a file in the data
/// directory (<c>instance-N.lock</c>, the lowest N free). The operating system drops the lock when the
/// process dies, however it dies, so a process that takes slot N knows that the previous holder of N is
/// gone: its claims can be recovered at once instead of after the grace.
/// </summary>
public sealed class InstanceSlot : IDisposable
{
    private const int MaxSlots = 64;
    private readonly FileStream lockFile;

    private InstanceSlot(FileStream lockFile, string name)
    {
        this.lockFile = lockFile;
        Name = name;
    }

    /// <summary>Machine, a digest of the data directory's full path, and the slot number.</summary>
    public string Name { get; }

    /// <summary>Takes the lowest free slot of <paramref name="dataDir"/>.</summary>
    /// <exception cref="InvalidOperationException">Every slot is taken.</exception>
    public static InstanceSlot Acquire(string dataDir)
    {
        var full = Path.GetFullPath(dataDir);
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..12];
        for (var slot = 1; slot <= MaxSlots; slot++)
        {
            try
            {
                // FileShare.None takes an advisory exclusive lock (flock) on Unix; a second opener fails.
                var stream = new FileStream(Path.Combine(full, $"instance-{slot}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return new InstanceSlot(stream, $"{Environment.MachineName}/{digest}/{slot}");
            }
            catch (IOException)
            {
                // Held by a running instance: try the next slot.
            }
        }

        throw new InvalidOperationException($"All {MaxSlots} instance slots of the data directory are taken; give this instance its own --data-dir.");
    }

    /// <inheritdoc />
    public void Dispose() => lockFile.Dispose();
}
