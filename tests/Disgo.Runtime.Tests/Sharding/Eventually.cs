namespace Disgo.Runtime.Tests.Sharding;

/// <summary>Waits in real time for work that runs on other threads to catch up with the virtual clock; a safety net, not a timer under test.</summary>
internal static class Eventually
{
    public static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(10);

    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + SafetyNet;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(2);
        }
    }

    /// <summary>Gives continuations a moment to run, to check that something did NOT happen.</summary>
    public static Task SettleAsync() => Task.Delay(30);
}
