namespace Disgo;

/// <summary>
/// Lists handler classes of a <see cref="DiscordBotAttribute">bot</see>. Their methods marked with
/// <see cref="OnAttribute"/> receive events in the order the classes are listed here, then in the order the methods
/// are declared. May be repeated; a class may be listed only once per bot.
/// </summary>
/// <remarks>
/// A handler class is any non-generic class. Static handler methods are called directly. For instance handler
/// methods the bot holds one instance of the class, shared by every shard, created through its one accessible
/// constructor with each parameter taken from the service provider.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class HandlersAttribute : Attribute
{
    public HandlersAttribute(params Type[] handlerTypes)
    {
        HandlerTypes = handlerTypes;
    }

    public IReadOnlyList<Type> HandlerTypes { get; }
}
