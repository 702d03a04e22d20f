using JetpackWhmcs.Service.Configuration;

namespace JetpackWhmcs.Service.Commands.Doctor;

/// <summary>Options of <c>jetpack-whmcs doctor</c> (the shared ones and tokens).</summary>
public sealed class DoctorSettings : TokenSettings;
