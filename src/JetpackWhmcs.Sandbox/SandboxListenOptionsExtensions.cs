using JetpackWhmcs.Sandbox.Faults;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace JetpackWhmcs.Sandbox;

/// <summary>Lets the sandbox fail at the connection level in an app that hosts it.</summary>
public static class SandboxListenOptionsExtensions
{
    /// <summary>
    /// Adds the connection middleware the connection-level faults need (<see cref="FaultKind.GracefulClose"/>,
    /// <see cref="FaultKind.CloseAfterHeaders"/>, <see cref="FaultKind.TruncatedBody"/>, and a true RST
    /// for <see cref="FaultKind.LostAnswerDropConnection"/>). <see cref="SandboxServer"/> adds it to every
    /// endpoint; an app hosting the sandbox adds it with
    /// <c>kestrel.ConfigureEndpointDefaults(l =&gt; l.UseJetpackLicensingSandboxConnections())</c>.
    /// Without it those faults abort the connection instead.
    /// </summary>
    public static ListenOptions UseJetpackLicensingSandboxConnections(this ListenOptions listenOptions)
    {
        ArgumentNullException.ThrowIfNull(listenOptions);
        listenOptions.Use(next => connection =>
        {
            ConnectionControl.Attach(connection);
            return next(connection);
        });
        return listenOptions;
    }
}
