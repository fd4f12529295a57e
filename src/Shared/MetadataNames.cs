namespace Disgo.Shared;

/// <summary>The runtime types Disgo's compile-time code recognizes, by metadata name (it never references the runtime).</summary>
internal static class MetadataNames
{
    public const string DiscordBotAttribute = "Disgo.DiscordBotAttribute";
    public const string HandlersAttribute = "Disgo.HandlersAttribute";
    public const string OnAttribute = "Disgo.OnAttribute";
    public const string OnlyShardsAttribute = "Disgo.OnlyShardsAttribute";
    public const string ShardsAttribute = "Disgo.ShardsAttribute";
    public const string IntentsAttribute = "Disgo.IntentsAttribute";
    public const string DispatchContext = "Disgo.DispatchContext";
    public const string DiscordBotInterface = "Disgo.IDiscordBot`1";
    public const string DisgoJsonContext = "Disgo.Serialization.DisgoJsonContext";
    public const string ValueTask = "System.Threading.Tasks.ValueTask";
    public const string Task = "System.Threading.Tasks.Task";
    public const string ShardInfo = "Disgo.Models.Gateway.ShardInfo";
    public const string ShardSet = "Disgo.ShardSet";
    public const string ShardSetExtensions = "Disgo.Sharding.ShardSetExtensions";
    public const string Message = "Disgo.Models.Message";
    public const string SessionId = "Disgo.SessionId";

    /// <summary>Named arguments of the attributes, as declared on them.</summary>
    public const string LargeThresholdProperty = "LargeThreshold";
    public const string FirstShardProperty = "FirstShard";
    public const string ShardCountProperty = "ShardCount";
}
