using System.Threading.Channels;
using Disgo.Gateway.Heartbeats;
using Microsoft.Extensions.Time.Testing;

namespace Disgo.Runtime.Tests.Gateway.Heartbeats;

public sealed class HeartbeatTimerTests
{
    private static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(40);

    private readonly FakeTimeProvider _time = new();
    private readonly Channel<TimeSpan> _beats = Channel.CreateUnbounded<TimeSpan>();
    private readonly DateTimeOffset _start;

    public HeartbeatTimerTests() => _start = _time.GetUtcNow();

    [Fact]
    public async Task First_beat_comes_after_interval_times_jitter_then_one_every_interval()
    {
        var timer = new HeartbeatTimer(Interval, _time, () => 0.25);
        using var stop = new CancellationTokenSource();
        var running = timer.RunUntilZombiedAsync(Beat, null, stop.Token);

        Assert.Equal(TimeSpan.FromSeconds(10), timer.FirstBeatDelay);
        AdvanceTo(TimeSpan.FromSeconds(10) - TimeSpan.FromMilliseconds(1));
        Assert.False(_beats.Reader.TryRead(out _));
        AdvanceTo(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromSeconds(10), await NextBeat());
        timer.RecordAck();
        AdvanceTo(TimeSpan.FromSeconds(50));
        Assert.Equal(TimeSpan.FromSeconds(50), await NextBeat());
        timer.RecordAck();
        AdvanceTo(TimeSpan.FromSeconds(90));
        Assert.Equal(TimeSpan.FromSeconds(90), await NextBeat());

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(SafetyNet));
    }

    [Fact]
    public async Task A_beat_due_while_the_previous_one_is_unacknowledged_ends_the_run_as_a_zombie()
    {
        var timer = new HeartbeatTimer(Interval, _time, () => 0);
        var running = timer.RunUntilZombiedAsync(Beat, null, CancellationToken.None);
        Assert.Equal(TimeSpan.Zero, await NextBeat());

        AdvanceTo(Interval);

        await running.WaitAsync(SafetyNet);
        Assert.True(timer.IsAwaitingAck);
        Assert.False(_beats.Reader.TryRead(out _));
    }

    [Fact]
    public async Task A_missing_ack_is_not_a_zombie_while_the_receive_loop_is_paused()
    {
        var timer = new HeartbeatTimer(Interval, _time, () => 0);
        var paused = true;
        using var stop = new CancellationTokenSource();
        var running = timer.RunUntilZombiedAsync(Beat, () => paused, stop.Token);
        await NextBeat();

        AdvanceTo(Interval);
        Assert.Equal(Interval, await NextBeat());
        paused = false;
        AdvanceTo(2 * Interval);

        await running.WaitAsync(SafetyNet);
    }

    [Fact]
    public async Task Latency_is_the_time_from_the_beat_to_its_ack()
    {
        var timer = new HeartbeatTimer(Interval, _time, () => 0);
        using var stop = new CancellationTokenSource();
        var running = timer.RunUntilZombiedAsync(Beat, null, stop.Token);
        await NextBeat();
        Assert.Null(timer.Latency);

        _time.Advance(TimeSpan.FromMilliseconds(87));
        timer.RecordAck();

        Assert.Equal(TimeSpan.FromMilliseconds(87), timer.Latency);
        Assert.False(timer.IsAwaitingAck);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(SafetyNet));
    }

    [Fact]
    public void A_beat_the_server_asked_for_is_matched_to_its_ack()
    {
        var timer = new HeartbeatTimer(Interval, _time, () => 0.5);

        timer.RecordBeatSent();
        _time.Advance(TimeSpan.FromMilliseconds(30));
        timer.RecordAck();

        Assert.Equal(TimeSpan.FromMilliseconds(30), timer.Latency);
    }

    [Fact]
    public void An_ack_nobody_waits_for_changes_nothing()
    {
        var timer = new HeartbeatTimer(Interval, _time, () => 0.5);

        timer.RecordAck();

        Assert.Null(timer.Latency);
        Assert.False(timer.IsAwaitingAck);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void A_jitter_outside_zero_to_one_is_refused(double jitter)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HeartbeatTimer(Interval, _time, () => jitter));
    }

    [Fact]
    public void The_default_jitter_keeps_the_first_beat_within_one_interval()
    {
        for (var i = 0; i < 100; i++)
        {
            var delay = new HeartbeatTimer(Interval, _time).FirstBeatDelay;
            Assert.InRange(delay, TimeSpan.Zero, Interval - TimeSpan.FromTicks(1));
        }
    }

    private ValueTask Beat(CancellationToken cancellationToken) => _beats.Writer.WriteAsync(_time.GetUtcNow() - _start, cancellationToken);

    private async Task<TimeSpan> NextBeat() => await _beats.Reader.ReadAsync().AsTask().WaitAsync(SafetyNet);

    /// <summary>Moves virtual time to <paramref name="elapsed"/> after the start; due timers fire on the way.</summary>
    private void AdvanceTo(TimeSpan elapsed) => _time.Advance(elapsed - (_time.GetUtcNow() - _start));
}
