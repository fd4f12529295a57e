using Disgo.Emulator.Observation;
using Disgo.Emulator.Tests.Infrastructure;

namespace Disgo.Emulator.Tests.Gateway;

/// <summary>
/// The session start budget (<c>session_start_limit</c>; gateway.mdx "Session Start Limit"): every Identify consumes one
/// start, resumes consume none, and the budget comes back when its period ends.
/// </summary>
public sealed class SessionStartBudgetTests
{
    [Fact]
    public async Task Each_identify_consumes_one_session_start()
    {
        await using var harness = await StartAsync(total: 5);

        for (var i = 1; i <= 3; i++)
        {
            await harness.IdentifyAsync(awaitGuildCreates: false);
            harness.Advance(harness.Options.IdentifyWindow);
            Assert.Equal(5 - i, harness.Emulator.SessionStartBudget.Snapshot().Remaining);
        }
    }

    [Fact]
    public async Task A_resume_consumes_no_session_start()
    {
        await using var harness = await StartAsync(total: 5);
        var session = await harness.IdentifyAsync();
        await session.Client.CloseAsync(4000);

        var resumed = await harness.ResumeAsync(session, session.Client.LastSequence!.Value);
        await resumed.ReceiveDispatchAsync("RESUMED");

        Assert.Equal(4, harness.Emulator.SessionStartBudget.Snapshot().Remaining);
    }

    [Fact]
    public async Task An_identify_with_the_budget_exhausted_starts_no_session_and_is_recorded()
    {
        await using var harness = await StartAsync(total: 2);
        for (var i = 0; i < 2; i++)
        {
            await harness.IdentifyAsync(awaitGuildCreates: false);
            harness.Advance(harness.Options.IdentifyWindow);
        }

        var (client, _) = await harness.ConnectAndHelloAsync();
        await client.SendIdentifyAsync(harness.Token, EmulatorHarness.DefaultIntents);
        var refusal = await ReceiveRefusalAsync(client);

        Assert.True(refusal is { Op: Opcode.InvalidSession } || client.Closure is { Abrupt: false }, $"Expected op 9 or a close, got {refusal}");
        Assert.DoesNotContain(client.History, p => p.IsDispatch("READY"));
        Assert.Equal(0, harness.Emulator.SessionStartBudget.Snapshot().Remaining);
        Assert.Single(harness.Emulator.Observations.ViolationsOf(ViolationKind.SessionStartBudget));
    }

    [Fact]
    public async Task The_reset_countdown_follows_virtual_time_and_the_budget_refills_when_it_ends()
    {
        await using var harness = await StartAsync(total: 2);
        var period = harness.Options.SessionStartResetPeriod;
        await harness.IdentifyAsync(awaitGuildCreates: false);

        harness.Advance(TimeSpan.FromHours(1));
        var (remaining, resetAfter) = harness.Emulator.SessionStartBudget.Snapshot();
        Assert.Equal(1, remaining);
        Assert.Equal(period - TimeSpan.FromHours(1), resetAfter);

        harness.Advance(period - TimeSpan.FromHours(1));
        Assert.Equal(2, harness.Emulator.SessionStartBudget.Snapshot().Remaining);
        await harness.IdentifyAsync(awaitGuildCreates: false);
        Assert.Equal(1, harness.Emulator.SessionStartBudget.Snapshot().Remaining);
    }

    private static Task<EmulatorHarness> StartAsync(int total) => EmulatorHarness.StartAsync(o =>
    {
        o.SessionStartTotal = total;
        o.HeartbeatInterval = TimeSpan.FromDays(2);
        o.SessionResumeTtl = TimeSpan.FromDays(2);
    });

    // The docs leave open how Discord refuses an identify over budget; op 9 or a close are both a refusal, READY is not.
    private static async Task<GatewayPayload?> ReceiveRefusalAsync(RawGatewayClient client)
    {
        try
        {
            return await client.ReceiveUntilAsync(p => p.Op == Opcode.InvalidSession || p.IsDispatch("READY"));
        }
        catch (GatewayClosedException)
        {
            return null;
        }
    }
}
