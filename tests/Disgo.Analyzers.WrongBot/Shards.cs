using System.Collections.Generic;
using Disgo;
using Disgo.Models;
using Disgo.Models.Gateway;
using Disgo.Sharding;

namespace WrongBot;

[DiscordBot]
[Shards(0)] // DISGO2001
[Handlers(typeof(Lifecycle))]
public sealed partial class NoShardsBot;

[DiscordBot]
[Shards(4, FirstShard = 0, ShardCount = 2)]
[Handlers(typeof(ShardLimited))]
public sealed partial class HalfShardsBot;

public static class ShardLimited
{
    [On(GatewayEvents.MessageCreate)]
    [OnlyShards(-1)] // DISGO2002
    public static void Negative(Message message) { }

    [On(GatewayEvents.MessageCreate)]
    [OnlyShards(3)] // DISGO2003
    public static void NotRunHere(Message message) { }

    [On(GatewayEvents.MessageCreate)]
    [OnlyShards(1, 1)] // DISGO2007
    public static void Repeated(Message message) { }
}

public static class ShardValues
{
    public static ShardInfo Last() => new ShardInfo(4, 4); // DISGO2004

    public static ShardInfo Reversed() => new ShardInfo(16, 4); // DISGO2005

    public static void NotMultiple() => ShardSet.Fixed(40).Validate(1, requiredMultiple: 16); // DISGO2006

    public static List<ShardInfo> Twice() => [new ShardInfo(0, 2), new ShardInfo(0, 2)]; // DISGO2007
}
