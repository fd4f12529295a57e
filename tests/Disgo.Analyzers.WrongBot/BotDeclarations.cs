using Disgo;

namespace WrongBot;

[DiscordBot]
[Handlers(typeof(Lifecycle))]
public sealed class NotPartialBot; // DISGO1001

[DiscordBot]
[Handlers(typeof(Lifecycle))]
public static partial class StaticBot; // DISGO1002

public sealed class Container
{
    [DiscordBot]
    [Handlers(typeof(Lifecycle))]
    public sealed partial class NestedBot; // DISGO1003
}

[DiscordBot]
[Handlers(typeof(Lifecycle))]
public sealed partial class BotWithMembers // DISGO1004
{
    public static void Run() { }
}

[DiscordBot(LargeThreshold = 10)] // DISGO1005
[Handlers(typeof(Lifecycle))]
public sealed partial class SmallThresholdBot;
