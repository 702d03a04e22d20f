namespace JetpackWhmcs.Whmcs;

/// <summary>What a read of WHMCS's tables found, or why it could not look.</summary>
/// <typeparam name="T">The rows read.</typeparam>
/// <param name="Availability">Whether the tables were there; when not, <paramref name="Value"/> is empty.</param>
/// <param name="Value">The rows, or an empty value when the tables are not available.</param>
public sealed record WhmcsAnswer<T>(WhmcsAvailability Availability, T Value)
{
    /// <summary>True when the tables were there and <see cref="Value"/> is what they hold.</summary>
    public bool IsAvailable => Availability.IsAvailable;
}
