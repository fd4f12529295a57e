namespace Disgo.Generator.Emitting;

/// <summary>The <c>global::</c>-qualified runtime names generated code refers to.</summary>
internal static class Names
{
    public const string DiscordBot = "global::Disgo.IDiscordBot";
    public const string GatewayIntents = "global::Disgo.Models.Gateway.GatewayIntents";
    public const string ShardSet = "global::Disgo.ShardSet";
    public const string DispatchContext = "global::Disgo.DispatchContext";
    public const string CommandSender = "global::Disgo.IGatewayCommandSender";
    public const string HandlerServices = "global::Disgo.HandlerServices";
    public const string HandlerFailures = "global::Disgo.HandlerFailures";
    public const string GatewayDispatch = "global::Disgo.Gateway.Dispatch.GatewayDispatch";
    public const string JsonContext = "global::Disgo.Serialization.DisgoJsonContext";
    public const string Logger = "global::Microsoft.Extensions.Logging.ILogger";
    public const string NullLogger = "global::Microsoft.Extensions.Logging.Abstractions.NullLogger";
    public const string ServiceProvider = "global::System.IServiceProvider";
    public const string ArgumentNullException = "global::System.ArgumentNullException";
    public const string Exception = "global::System.Exception";
    public const string MemoryExtensions = "global::System.MemoryExtensions";
    public const string ByteSpan = "global::System.ReadOnlySpan<byte>";
    public const string ValueTask = "global::System.Threading.Tasks.ValueTask";
    public const string CancellationToken = "global::System.Threading.CancellationToken";
    public const string PooledBuilder =
        "global::System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(global::System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder))";
}
