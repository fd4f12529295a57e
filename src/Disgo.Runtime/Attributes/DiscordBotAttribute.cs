namespace Disgo;

/// <summary>
/// Declares a bot: a partial class with no members of its own, whose handler classes are listed with
/// <see cref="HandlersAttribute"/>. Disgo's source generator makes it an <see cref="IDiscordBot{TSelf}"/>: the
/// dispatcher of its handlers, the intents they need, its shard set and the factories that create it.
/// </summary>
/// <example>
/// <code>
/// [DiscordBot]
/// [Handlers(typeof(Greetings))]
/// public sealed partial class PingBot;
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class DiscordBotAttribute : Attribute
{
    /// <summary>
    /// Identify's <c>large_threshold</c>: member count (50-250) above which GUILD_CREATE leaves offline members out.
    /// 0 (the default) leaves it to Discord, which uses 50.
    /// </summary>
    public int LargeThreshold { get; set; }
}
