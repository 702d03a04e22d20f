namespace JetpackWhmcs.Sandbox.Store;

/// <summary>
/// Hashes that are the same in every process (string.GetHashCode is randomised per process, which
/// would break replaying a run from its seed).
/// </summary>
internal static class StableHash
{
    public static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }

        return hash;
    }

    /// <summary>SplitMix64 finaliser: spreads structured inputs (seed, counter) over all bits.</summary>
    public static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }

    /// <summary>A uniform number in [0, 1) determined by its inputs only.</summary>
    public static double Unit(int seed, int stream, long index, int salt)
    {
        var h = Mix((ulong)(uint)seed);
        h = Mix(h ^ (ulong)(uint)stream);
        h = Mix(h ^ (ulong)index);
        h = Mix(h ^ (ulong)(uint)salt);
        return (h >> 11) * (1.0 / (1UL << 53));
    }
}
