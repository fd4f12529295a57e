using Disgo.Gateway.Heartbeats;
using Microsoft.Extensions.Time.Testing;

namespace Disgo.Runtime.Tests.Gateway.Heartbeats;

/// <summary>
/// The ACK of a given beat is the barrier a session uses to know it has received everything sent before that beat was
/// read (<c>GatewaySession.CatchUpAsync</c>, before a reshard closes an old session): only that beat's own ACK may pass it.
/// </summary>
public sealed class HeartbeatAckBarrierTests
{
    private readonly HeartbeatTimer _timer = new(TimeSpan.FromSeconds(40), new FakeTimeProvider(), () => 0.5);

    [Fact]
    public void The_ack_of_an_earlier_beat_does_not_pass_the_barrier_of_a_later_one()
    {
        _timer.RecordBeatSent();                 // a scheduled beat, its ACK still on the way
        var barrier = _timer.RecordBeatSent();   // the barrier beat
        var acked = _timer.AckedAsync(barrier);

        _timer.RecordAck();
        Assert.False(acked.IsCompleted);

        _timer.RecordAck();
        Assert.True(acked.IsCompletedSuccessfully);
    }

    [Fact]
    public void A_beat_already_acknowledged_passes_at_once_and_beats_are_numbered_in_order()
    {
        var first = _timer.RecordBeatSent();
        _timer.RecordAck();
        var second = _timer.RecordBeatSent();

        Assert.Equal(first + 1, second);
        Assert.True(_timer.AckedAsync(first).IsCompletedSuccessfully);
        Assert.False(_timer.AckedAsync(second).IsCompleted);
    }

    [Fact]
    public void Every_waiter_up_to_the_acknowledged_beat_is_released_and_later_ones_keep_waiting()
    {
        var beats = Enumerable.Range(0, 3).Select(_ => _timer.RecordBeatSent()).ToArray();
        var waits = beats.Select(_timer.AckedAsync).ToArray();

        _timer.RecordAck();
        _timer.RecordAck();

        Assert.True(waits[0].IsCompletedSuccessfully);
        Assert.True(waits[1].IsCompletedSuccessfully);
        Assert.False(waits[2].IsCompleted);
    }
}
