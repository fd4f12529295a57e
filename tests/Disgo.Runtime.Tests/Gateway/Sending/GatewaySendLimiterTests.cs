using Disgo.Gateway.Sending;
using Microsoft.Extensions.Time.Testing;

namespace Disgo.Runtime.Tests.Gateway.Sending;

public sealed class GatewaySendLimiterTests
{
    private static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void User_commands_never_use_the_reserved_slots()
    {
        using var limiter = new GatewaySendLimiter(_time, reservedSlots: 5);

        var commands = Enumerable.Range(0, 120).Select(_ => limiter.AcquireAsync(GatewaySendKind.Command, CancellationToken.None)).ToArray();

        Assert.Equal(115, commands.Count(c => c.IsCompletedSuccessfully));
        Assert.Equal(115, limiter.CommandLimit);
    }

    [Fact]
    public void Heartbeat_identify_and_resume_go_out_at_once_while_120_user_commands_wait()
    {
        using var limiter = new GatewaySendLimiter(_time, reservedSlots: 5);
        var commands = Enumerable.Range(0, 120).Select(_ => limiter.AcquireAsync(GatewaySendKind.Command, CancellationToken.None)).ToArray();

        Assert.True(limiter.AcquireAsync(GatewaySendKind.Identify, CancellationToken.None).IsCompletedSuccessfully);
        Assert.True(limiter.AcquireAsync(GatewaySendKind.Heartbeat, CancellationToken.None).IsCompletedSuccessfully);
        Assert.True(limiter.AcquireAsync(GatewaySendKind.Resume, CancellationToken.None).IsCompletedSuccessfully);
        Assert.Equal(5, commands.Count(c => !c.IsCompleted));
    }

    [Fact]
    public void Beyond_the_window_even_a_heartbeat_waits_rather_than_trip_4008()
    {
        using var limiter = new GatewaySendLimiter(_time, reservedSlots: 5);
        for (var i = 0; i < 120; i++)
        {
            Assert.True(limiter.AcquireAsync(GatewaySendKind.Heartbeat, CancellationToken.None).IsCompletedSuccessfully);
        }

        var heartbeat = limiter.AcquireAsync(GatewaySendKind.Heartbeat, CancellationToken.None);

        Assert.False(heartbeat.IsCompleted);
        _time.Advance(GatewaySendLimiter.Window + GatewaySendLimiter.SafetyMargin);
        Assert.True(heartbeat.IsCompletedSuccessfully);
    }

    [Fact]
    public void A_flood_of_user_commands_never_delays_a_heartbeat_nor_exceeds_120_in_any_60_seconds()
    {
        var heartbeatInterval = TimeSpan.FromMilliseconds(41_250);
        using var limiter = new GatewaySendLimiter(_time, GatewaySendLimiter.ReservedSlotsFor(heartbeatInterval));
        var pending = new List<(int Index, GatewaySendKind Kind, ValueTask Grant)>();
        var granted = new List<(TimeSpan At, int Index, GatewaySendKind Kind)>();
        var step = TimeSpan.FromMilliseconds(250);
        var index = 0;
        var heartbeats = 0;

        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromMinutes(5); elapsed += step)
        {
            // Four user commands every 250 ms, eight times what Discord allows; every tenth is a presence update.
            for (var i = 0; i < 4; i++, index++)
            {
                var kind = index % 10 == 0 ? GatewaySendKind.PresenceUpdate : GatewaySendKind.Command;
                pending.Add((index, kind, limiter.AcquireAsync(kind, CancellationToken.None)));
            }

            if (elapsed.Ticks % heartbeatInterval.Ticks == 0)
            {
                Assert.True(limiter.AcquireAsync(GatewaySendKind.Heartbeat, CancellationToken.None).IsCompletedSuccessfully);
                granted.Add((elapsed, -1, GatewaySendKind.Heartbeat));
                heartbeats++;
            }

            // A grant is seen at most one step after it happened: the windows checked below stay within the limiter's 61 s.
            foreach (var done in pending.Where(p => p.Grant.IsCompletedSuccessfully).ToArray())
            {
                granted.Add((elapsed, done.Index, done.Kind));
                pending.Remove(done);
            }

            _time.Advance(step);
        }

        Assert.Equal(8, heartbeats);
        Assert.True(granted.Count > 5 * 110, $"only {granted.Count} sends in five minutes");
        AssertAtMost(120, TimeSpan.FromSeconds(60), granted.Select(g => g.At));
        AssertAtMost(5, TimeSpan.FromSeconds(20), granted.Where(g => g.Kind == GatewaySendKind.PresenceUpdate).Select(g => g.At));
        var commands = granted.Where(g => g.Kind == GatewaySendKind.Command).Select(g => g.Index).ToArray();
        Assert.Equal(commands.Order(), commands);
    }

    [Fact]
    public void Presence_updates_are_held_to_5_per_20_seconds_without_blocking_other_commands()
    {
        using var limiter = new GatewaySendLimiter(_time);
        var presence = Enumerable.Range(0, 7).Select(_ => limiter.AcquireAsync(GatewaySendKind.PresenceUpdate, CancellationToken.None)).ToArray();

        var command = limiter.AcquireAsync(GatewaySendKind.Command, CancellationToken.None);

        Assert.Equal(5, presence.Count(p => p.IsCompletedSuccessfully));
        Assert.True(command.IsCompletedSuccessfully);
        _time.Advance(GatewaySendLimiter.PresenceWindow + GatewaySendLimiter.SafetyMargin - TimeSpan.FromMilliseconds(1));
        Assert.Equal(5, presence.Count(p => p.IsCompletedSuccessfully));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.All(presence, p => Assert.True(p.IsCompletedSuccessfully));
    }

    [Fact]
    public void Waiting_commands_are_granted_in_arrival_order_as_the_window_slides()
    {
        using var limiter = new GatewaySendLimiter(_time, reservedSlots: 5);
        for (var i = 0; i < 115; i++)
        {
            Assert.True(limiter.AcquireAsync(GatewaySendKind.Command, CancellationToken.None).IsCompletedSuccessfully);
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }

        var waiting = Enumerable.Range(0, 3).Select(_ => limiter.AcquireAsync(GatewaySendKind.Command, CancellationToken.None)).ToArray();
        Assert.All(waiting, w => Assert.False(w.IsCompleted));

        // The first slot frees 61 s after the first command: one waiter at a time, oldest first.
        _time.Advance(GatewaySendLimiter.Window + GatewaySendLimiter.SafetyMargin - TimeSpan.FromMilliseconds(115 * 100));
        Assert.Equal([true, false, false], waiting.Select(w => w.IsCompleted));
        _time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal([true, true, false], waiting.Select(w => w.IsCompleted));
    }

    [Fact]
    public async Task A_cancelled_command_gives_its_turn_to_the_next_waiter()
    {
        using var limiter = new GatewaySendLimiter(_time, reservedSlots: 5);
        Assert.True(limiter.AcquireAsync(GatewaySendKind.Command, CancellationToken.None).IsCompletedSuccessfully);
        _time.Advance(TimeSpan.FromSeconds(1));
        for (var i = 0; i < 114; i++)
        {
            Assert.True(limiter.AcquireAsync(GatewaySendKind.Command, CancellationToken.None).IsCompletedSuccessfully);
        }

        using var cancellation = new CancellationTokenSource();
        var cancelled = limiter.AcquireAsync(GatewaySendKind.Command, cancellation.Token);
        var next = limiter.AcquireAsync(GatewaySendKind.Command, CancellationToken.None);
        var last = limiter.AcquireAsync(GatewaySendKind.Command, CancellationToken.None);
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.AsTask().WaitAsync(SafetyNet));

        // One slot frees when the first command leaves the window: it goes to the next live waiter.
        _time.Advance(GatewaySendLimiter.Window + GatewaySendLimiter.SafetyMargin - TimeSpan.FromSeconds(1));

        Assert.True(next.IsCompletedSuccessfully);
        Assert.False(last.IsCompleted);
    }

    [Fact]
    public async Task An_already_cancelled_token_is_refused_without_taking_a_slot()
    {
        using var limiter = new GatewaySendLimiter(_time, reservedSlots: 119);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => limiter.AcquireAsync(GatewaySendKind.Command, new CancellationToken(canceled: true)).AsTask());

        Assert.True(limiter.AcquireAsync(GatewaySendKind.Command, CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Disposing_fails_every_waiter_so_no_command_is_silently_lost()
    {
        var limiter = new GatewaySendLimiter(_time, reservedSlots: 119);
        Assert.True(limiter.AcquireAsync(GatewaySendKind.Command, CancellationToken.None).IsCompletedSuccessfully);
        var waiting = limiter.AcquireAsync(GatewaySendKind.Command, CancellationToken.None);

        limiter.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting.AsTask().WaitAsync(SafetyNet));
        Assert.Throws<ObjectDisposedException>(() => limiter.AcquireAsync(GatewaySendKind.Command, CancellationToken.None));
    }

    [Fact]
    public void A_new_connection_starts_with_a_fresh_window()
    {
        using var first = new GatewaySendLimiter(_time);
        while (first.AcquireAsync(GatewaySendKind.Command, CancellationToken.None).IsCompletedSuccessfully)
        {
        }

        using var second = new GatewaySendLimiter(_time);

        Assert.True(second.AcquireAsync(GatewaySendKind.Command, CancellationToken.None).IsCompletedSuccessfully);
    }

    [Theory]
    [InlineData(41_250, 5)]
    [InlineData(10_000, 10)]
    [InlineData(1_000, 60)]
    public void Reserved_slots_cover_the_heartbeats_of_a_window(int intervalMilliseconds, int expected)
    {
        Assert.Equal(expected, GatewaySendLimiter.ReservedSlotsFor(TimeSpan.FromMilliseconds(intervalMilliseconds)));
    }

    private static void AssertAtMost(int limit, TimeSpan window, IEnumerable<TimeSpan> sends)
    {
        var times = sends.Order().ToArray();
        for (var last = 0; last < times.Length; last++)
        {
            var inWindow = times.Count(t => t > times[last] - window && t <= times[last]);
            Assert.True(inWindow <= limit, $"{inWindow} sends in the {window} ending at {times[last]}");
        }
    }
}
