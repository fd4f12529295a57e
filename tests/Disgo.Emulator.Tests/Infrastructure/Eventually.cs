namespace Disgo.Emulator.Tests.Infrastructure;

/// <summary>
/// Waits for state the emulator reaches asynchronously (for example noticing a dropped TCP connection).
/// Synchronisation only: the condition is what the test asserts, the polling interval is never measured.
/// </summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + RawGatewayClient.SafetyTimeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Timed out after {RawGatewayClient.SafetyTimeout.TotalSeconds} s waiting until {what}.");
            await Task.Delay(10);
        }
    }
}
