using System.Text;
using Disgo.Gateway.Dispatch;
using Disgo.Sharding;

namespace Disgo.Runtime.Tests.Sharding;

/// <summary>Each order in which the old and the new set can see one event delivers it exactly once.</summary>
public sealed class ReshardDeduplicatorTests
{
    private const ulong Guild = 1_400_000_000_000_000_000;

    private readonly ReshardDeduplicator _deduplicator = new(newTotalShards: 2);

    public ReshardDeduplicatorTests() => _deduplicator.IdentifyGranted(new Snowflake(Guild).ShardId(2));

    [Fact]
    public void Old_first_then_new_before_the_switch_delivers_from_the_old_set_only()
    {
        var message = Event("MESSAGE_CREATE", "m1");

        Assert.True(_deduplicator.OldSighted(EventIdentity.Of(message)));
        Assert.False(_deduplicator.NewSightedBeforeSwitch(Pending(message)));
        Assert.Equal(0, _deduplicator.OldDeliveriesPending);
    }

    [Fact]
    public void New_first_then_old_delivers_from_the_old_set_and_the_held_copy_is_dropped()
    {
        var message = Event("MESSAGE_CREATE", "m1");
        var held = Pending(message);

        Assert.True(_deduplicator.NewSightedBeforeSwitch(held));
        Assert.True(_deduplicator.OldSighted(EventIdentity.Of(message)));
        Assert.False(_deduplicator.Release(held));
    }

    [Fact]
    public void An_event_only_the_new_set_saw_before_the_switch_is_delivered_at_the_switch_and_never_again()
    {
        var message = Event("MESSAGE_CREATE", "m1");
        var held = Pending(message);

        Assert.True(_deduplicator.NewSightedBeforeSwitch(held));
        Assert.True(_deduplicator.Release(held));
        Assert.False(_deduplicator.OldSighted(EventIdentity.Of(message)));
    }

    [Fact]
    public void After_the_switch_the_first_sighting_delivers_and_the_second_is_dropped()
    {
        var first = Event("MESSAGE_CREATE", "m1");
        var second = Event("MESSAGE_CREATE", "m2");

        Assert.True(_deduplicator.NewSighted(EventIdentity.Of(first).Key));
        Assert.False(_deduplicator.OldSighted(EventIdentity.Of(first)));
        Assert.True(_deduplicator.OldSighted(EventIdentity.Of(second)));
        Assert.False(_deduplicator.NewSighted(EventIdentity.Of(second).Key));
    }

    [Fact]
    public void Two_identical_events_are_each_delivered_once()
    {
        var typing = Event("TYPING_START", "same");

        Assert.True(_deduplicator.OldSighted(EventIdentity.Of(typing)));
        Assert.True(_deduplicator.OldSighted(EventIdentity.Of(typing)));
        Assert.False(_deduplicator.NewSighted(EventIdentity.Of(typing).Key));
        Assert.False(_deduplicator.NewSighted(EventIdentity.Of(typing).Key));
        Assert.True(_deduplicator.NewSighted(EventIdentity.Of(typing).Key));
    }

    [Fact]
    public void Old_deliveries_are_not_recorded_for_new_shards_that_have_not_identified()
    {
        var elsewhere = Guild + (1UL << 22); // the other shard of 2, which has not been granted an identify
        var message = Event("MESSAGE_CREATE", "m1", elsewhere);

        Assert.True(_deduplicator.OldSighted(EventIdentity.Of(message)));
        Assert.Equal(0, _deduplicator.OldDeliveriesPending);
    }

    [Fact]
    public void The_same_data_under_another_event_name_is_another_event()
    {
        Assert.NotEqual(EventIdentity.Of(Event("MESSAGE_CREATE", "x")).Key, EventIdentity.Of(Event("MESSAGE_UPDATE", "x")).Key);
        Assert.Equal(Guild, EventIdentity.Of(Event("MESSAGE_CREATE", "x")).GuildId);
        Assert.Null(EventIdentity.GuildIdOf("MESSAGE_CREATE"u8, """{"id":"5","content":"dm"}"""u8));
        Assert.Equal(7UL, EventIdentity.GuildIdOf("GUILD_CREATE"u8, """{"name":"g","id":"7"}"""u8));
    }

    private static GatewayDispatch Event(string name, string content, ulong guildId = Guild) => new(
        Encoding.UTF8.GetBytes(name),
        Encoding.UTF8.GetBytes($$"""{"content":"{{content}}","nested":{"guild_id":"1"},"guild_id":"{{guildId}}"}"""),
        sequence: 1,
        shardId: 0,
        sessionId: "s");

    private static PendingDispatch Pending(GatewayDispatch dispatch) => new(dispatch, EventIdentity.Of(dispatch).Key);
}
