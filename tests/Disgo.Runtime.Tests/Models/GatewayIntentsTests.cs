using System.Numerics;
using Disgo.Models.Gateway;

namespace Disgo.Runtime.Tests.Models;

public sealed class GatewayIntentsTests
{
    // Discord's intents table: bit value and name, as documented.
    public static TheoryData<GatewayIntents, long> DocumentedBits => new()
    {
        { GatewayIntents.Guilds, 1 },
        { GatewayIntents.GuildMembers, 2 },
        { GatewayIntents.GuildModeration, 4 },
        { GatewayIntents.GuildExpressions, 8 },
        { GatewayIntents.GuildIntegrations, 16 },
        { GatewayIntents.GuildWebhooks, 32 },
        { GatewayIntents.GuildInvites, 64 },
        { GatewayIntents.GuildVoiceStates, 128 },
        { GatewayIntents.GuildPresences, 256 },
        { GatewayIntents.GuildMessages, 512 },
        { GatewayIntents.GuildMessageReactions, 1024 },
        { GatewayIntents.GuildMessageTyping, 2048 },
        { GatewayIntents.DirectMessages, 4096 },
        { GatewayIntents.DirectMessageReactions, 8192 },
        { GatewayIntents.DirectMessageTyping, 16384 },
        { GatewayIntents.MessageContent, 32768 },
        { GatewayIntents.GuildScheduledEvents, 65536 },
        { GatewayIntents.AutoModerationConfiguration, 1048576 },
        { GatewayIntents.AutoModerationExecution, 2097152 },
        { GatewayIntents.GuildMessagePolls, 16777216 },
        { GatewayIntents.DirectMessagePolls, 33554432 },
    };

    [Theory]
    [MemberData(nameof(DocumentedBits))]
    public void Each_intent_has_its_documented_bit(GatewayIntents intent, long value)
    {
        Assert.Equal(value, (long)intent);
        Assert.True(intent.IsDocumented());
    }

    [Fact]
    public void All_is_every_documented_bit_and_nothing_else()
    {
        Assert.Equal(53608447, (long)GatewayIntents.All);
        var union = DocumentedBits.Aggregate(0L, (bits, row) => bits | (long)(GatewayIntents)row[0]);
        Assert.Equal((long)GatewayIntents.All, union);
        Assert.Equal(21, BitOperations.PopCount((ulong)GatewayIntents.All));
    }

    [Fact]
    public void Privileged_is_members_presences_and_message_content()
    {
        Assert.Equal(33026, (long)GatewayIntents.Privileged);
        Assert.Equal(GatewayIntents.GuildMembers | GatewayIntents.GuildPresences | GatewayIntents.MessageContent, GatewayIntents.Privileged);
        Assert.Equal(GatewayIntents.None, GatewayIntents.NonPrivileged & GatewayIntents.Privileged);
        Assert.Equal(GatewayIntents.All, GatewayIntents.NonPrivileged | GatewayIntents.Privileged);
    }

    [Theory]
    [InlineData(17)]
    [InlineData(18)]
    [InlineData(19)]
    [InlineData(22)]
    [InlineData(23)]
    [InlineData(26)]
    [InlineData(40)]
    public void Undocumented_bits_are_reported(int bit)
    {
        var intents = GatewayIntents.Guilds | GatewayIntents.MessageContent | (GatewayIntents)(1L << bit);

        Assert.Equal((GatewayIntents)(1L << bit), intents.GetUndocumentedBits());
        Assert.False(intents.IsDocumented());
    }

    [Fact]
    public void Privileged_bits_are_picked_out()
    {
        var intents = GatewayIntents.Guilds | GatewayIntents.GuildMessages | GatewayIntents.MessageContent;

        Assert.Equal(GatewayIntents.MessageContent, intents.GetPrivilegedBits());
        Assert.Equal(GatewayIntents.None, GatewayIntents.NonPrivileged.GetPrivilegedBits());
        Assert.Equal(GatewayIntents.None, GatewayIntents.All.GetUndocumentedBits());
    }
}
