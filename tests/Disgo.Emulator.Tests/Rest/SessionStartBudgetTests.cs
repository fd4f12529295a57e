using Disgo.Emulator.Rest;
using Microsoft.Extensions.Time.Testing;

namespace Disgo.Emulator.Tests.Rest;

public sealed class SessionStartBudgetTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Each_start_counts_down_and_none_is_left_after_the_total()
    {
        var budget = new SessionStartBudget(new EmulatorOptions { SessionStartTotal = 3, TimeProvider = _time });

        Assert.True(budget.TryConsume());
        Assert.Equal(2, budget.Snapshot().Remaining);
        Assert.True(budget.TryConsume());
        Assert.True(budget.TryConsume());
        Assert.False(budget.TryConsume());
        Assert.Equal(0, budget.Snapshot().Remaining);
    }

    [Fact]
    public void The_budget_comes_back_whole_when_the_period_ends()
    {
        var budget = new SessionStartBudget(new EmulatorOptions { SessionStartTotal = 2, TimeProvider = _time });
        budget.TryConsume();
        budget.TryConsume();

        _time.Advance(TimeSpan.FromHours(23));
        Assert.Equal((0, TimeSpan.FromHours(1)), budget.Snapshot());
        _time.Advance(TimeSpan.FromHours(1));

        Assert.Equal((2, TimeSpan.FromHours(24)), budget.Snapshot());
    }

    [Fact]
    public void Periods_keep_their_rhythm_when_nobody_asks_for_days()
    {
        var budget = new SessionStartBudget(new EmulatorOptions { SessionStartTotal = 2, TimeProvider = _time });
        budget.TryConsume();

        _time.Advance(TimeSpan.FromHours(24 * 3) + TimeSpan.FromHours(5));

        Assert.Equal((2, TimeSpan.FromHours(19)), budget.Snapshot());
    }
}
