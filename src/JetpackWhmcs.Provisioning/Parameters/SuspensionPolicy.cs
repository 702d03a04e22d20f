namespace JetpackWhmcs.Provisioning.Parameters;

/// <summary>What SuspendAccount does to the licence.</summary>
public enum SuspensionPolicy
{
    /// <summary>Keep the licence active and attached (default).</summary>
    Keep,

    /// <summary>Detach it from its site while suspended; attach it again on unsuspend.</summary>
    Detach,
}
