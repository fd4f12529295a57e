using Disgo.Emulator.Gateway;
using Disgo.Gateway.Session;
using Microsoft.Extensions.Logging;

namespace Disgo.Runtime.Tests.Session;

public sealed class GatewaySessionTokenTests
{
    private const string Token = "Njk0MjA2OTQyMDY5NDIwNjk0.GsEcRt.tOkEn-ThAt-MuSt-NeVeR-lEaK";

    [Fact]
    public async Task The_token_never_appears_in_logs_exceptions_status_events_or_ToString()
    {
        await using var harness = await SessionHarness.StartAsync(o => o.Token = Token);
        var probe = await harness.StartSessionAsync(o => o.Token = Token);
        harness.Emulator.Gateway.Inject(new GatewayFault.Reconnect());
        await SessionHarness.WaitUntilAsync(() => probe.Dispatcher.Count("RESUMED") == 1, "the session resumed");
        harness.Emulator.Gateway.Inject(new GatewayFault.MalformedFrame());
        // A second failure before any heartbeat ACK: this reconnect backs off, so the clock has to move.
        await harness.PumpUntilAsync(() => probe.Dispatcher.Count("RESUMED") == 2, "the session resumed again", TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));
        harness.Emulator.Gateway.Inject(new GatewayFault.Close(4004));
        var fatal = await Assert.ThrowsAsync<GatewayFatalCloseException>(() => probe.Session.Completion.WaitAsync(SessionHarness.SafetyNet));
        var rejected = harness.Create(harness.Options(o => o.Token = Token + "-wrong"));
        var bootstrap = await Assert.ThrowsAsync<GatewayBootstrapException>(() => rejected.Session.StartAsync().WaitAsync(SessionHarness.SafetyNet));

        // The test only means something if plenty was written: identify, resumes, a decode error, two fatal stops.
        Assert.True(harness.Logs.Entries.Count >= 10, $"only {harness.Logs.Entries.Count} log entries");
        Assert.True(harness.Logs.Contains(LogLevel.Error, "cannot be decoded"));
        var everything = string.Join('\n',
            harness.Logs.AllText,
            fatal.ToString(),
            bootstrap.ToString(),
            string.Join('\n', probe.Changes.Select(c => $"{c} {c.Exception}")),
            harness.Options(o => o.Token = Token).ToString());
        Assert.DoesNotContain(Token, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("tOkEn-ThAt", everything, StringComparison.Ordinal);
    }
}
