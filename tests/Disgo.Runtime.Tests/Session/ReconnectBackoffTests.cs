using Disgo.Gateway.Session;

namespace Disgo.Runtime.Tests.Session;

public sealed class ReconnectBackoffTests
{
    private static readonly ReconnectBackoffOptions Options = new()
    {
        InitialDelay = TimeSpan.FromSeconds(1),
        MaxDelay = TimeSpan.FromSeconds(30),
        Multiplier = 2,
    };

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void The_first_reconnect_after_a_working_connection_is_immediate(int failures) =>
        Assert.Equal(TimeSpan.Zero, ReconnectBackoff.DelayFor(Options, failures, jitter: 0.9));

    [Theory]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 4)]
    [InlineData(6, 16)]
    [InlineData(7, 30)]
    [InlineData(1000, 30)]
    public void Further_failures_double_the_wait_up_to_the_cap_jittered_between_half_and_all_of_it(int failures, int fullSeconds)
    {
        var full = TimeSpan.FromSeconds(fullSeconds);

        Assert.Equal(full / 2, ReconnectBackoff.DelayFor(Options, failures, jitter: 0));
        Assert.Equal(full * 0.75, ReconnectBackoff.DelayFor(Options, failures, jitter: 0.5));
        Assert.InRange(ReconnectBackoff.DelayFor(Options, failures, jitter: 0.999999), full * 0.999, full);
    }
}
