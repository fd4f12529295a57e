namespace Disgo.Gateway.Coordination;

/// <summary>The right to send one Identify, from <see cref="IIdentifyCoordinator.AcquireAsync"/>.</summary>
public interface IIdentifyLease
{
    /// <summary>
    /// Gives the right back, saying how the Identify went. Called exactly once per lease. Must not throw: a failure to
    /// release is the coordinator's to log and recover from.
    /// </summary>
    ValueTask ReleaseAsync(IdentifyOutcome outcome);
}
