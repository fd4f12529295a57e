using Disgo.Gateway.Dispatch;

namespace Disgo.Runtime.Tests.Gateway.Dispatch;

public sealed class SequenceTrackerTests
{
    [Fact]
    public void A_new_session_has_no_last_sequence()
    {
        Assert.Null(new SequenceTracker().Last);
    }

    [Fact]
    public void Consecutive_sequences_are_admitted_without_gaps()
    {
        var tracker = new SequenceTracker();

        for (var sequence = 1; sequence <= 5; sequence++)
        {
            Assert.True(tracker.TryAdmit(sequence, out var missed));
            Assert.Equal(0, missed);
        }

        Assert.Equal(5, tracker.Last);
    }

    [Fact]
    public void Replayed_events_already_admitted_are_dropped()
    {
        var tracker = new SequenceTracker();
        for (var sequence = 1; sequence <= 5; sequence++)
        {
            tracker.TryAdmit(sequence, out _);
        }

        // A resume from sequence 3 replays 4 and 5 before the new event 6.
        long[] replay = [4, 5, 6];
        var admitted = replay.Where(sequence => tracker.TryAdmit(sequence, out _)).ToArray();

        Assert.Equal([6], admitted);
        Assert.Equal(6, tracker.Last);
    }

    [Fact]
    public void A_jump_forward_is_admitted_and_reports_how_many_were_missed()
    {
        var tracker = new SequenceTracker();
        tracker.TryAdmit(1, out _);

        Assert.True(tracker.TryAdmit(5, out var missed));

        Assert.Equal(3, missed);
    }

    [Fact]
    public void The_first_event_of_a_session_reports_the_events_before_it_as_missed()
    {
        var tracker = new SequenceTracker();

        Assert.True(tracker.TryAdmit(3, out var missed));

        Assert.Equal(2, missed);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Sequences_below_one_are_never_admitted(long sequence)
    {
        Assert.False(new SequenceTracker().TryAdmit(sequence, out _));
    }

    [Fact]
    public void Reset_starts_a_new_session_or_continues_a_detached_one()
    {
        var tracker = new SequenceTracker();
        tracker.TryAdmit(10, out _);

        tracker.Reset();
        Assert.Null(tracker.Last);
        Assert.True(tracker.TryAdmit(1, out _));

        tracker.Reset(last: 40);
        Assert.False(tracker.TryAdmit(40, out _));
        Assert.True(tracker.TryAdmit(41, out var missed));
        Assert.Equal(0, missed);
    }
}
