using System.Collections.Generic;

namespace Disgo.Shared;

/// <summary>
/// The mirror of <c>Disgo.Models.Gateway.GatewayIntents</c>, for code that cannot load the runtime. A test fails
/// when the two drift apart.
/// </summary>
internal static class KnownIntents
{
    public const long None = 0;
    public const long Guilds = 1L << 0;
    public const long GuildMembers = 1L << 1;
    public const long GuildModeration = 1L << 2;
    public const long GuildExpressions = 1L << 3;
    public const long GuildIntegrations = 1L << 4;
    public const long GuildWebhooks = 1L << 5;
    public const long GuildInvites = 1L << 6;
    public const long GuildVoiceStates = 1L << 7;
    public const long GuildPresences = 1L << 8;
    public const long GuildMessages = 1L << 9;
    public const long GuildMessageReactions = 1L << 10;
    public const long GuildMessageTyping = 1L << 11;
    public const long DirectMessages = 1L << 12;
    public const long DirectMessageReactions = 1L << 13;
    public const long DirectMessageTyping = 1L << 14;
    public const long MessageContent = 1L << 15;
    public const long GuildScheduledEvents = 1L << 16;
    public const long AutoModerationConfiguration = 1L << 20;
    public const long AutoModerationExecution = 1L << 21;
    public const long GuildMessagePolls = 1L << 24;
    public const long DirectMessagePolls = 1L << 25;

    public const long Privileged = GuildMembers | GuildPresences | MessageContent;

    /// <summary>Every documented intent, by enum member name, in bit order.</summary>
    public static IReadOnlyList<KeyValuePair<string, long>> Documented { get; } =
    [
        new(nameof(Guilds), Guilds),
        new(nameof(GuildMembers), GuildMembers),
        new(nameof(GuildModeration), GuildModeration),
        new(nameof(GuildExpressions), GuildExpressions),
        new(nameof(GuildIntegrations), GuildIntegrations),
        new(nameof(GuildWebhooks), GuildWebhooks),
        new(nameof(GuildInvites), GuildInvites),
        new(nameof(GuildVoiceStates), GuildVoiceStates),
        new(nameof(GuildPresences), GuildPresences),
        new(nameof(GuildMessages), GuildMessages),
        new(nameof(GuildMessageReactions), GuildMessageReactions),
        new(nameof(GuildMessageTyping), GuildMessageTyping),
        new(nameof(DirectMessages), DirectMessages),
        new(nameof(DirectMessageReactions), DirectMessageReactions),
        new(nameof(DirectMessageTyping), DirectMessageTyping),
        new(nameof(MessageContent), MessageContent),
        new(nameof(GuildScheduledEvents), GuildScheduledEvents),
        new(nameof(AutoModerationConfiguration), AutoModerationConfiguration),
        new(nameof(AutoModerationExecution), AutoModerationExecution),
        new(nameof(GuildMessagePolls), GuildMessagePolls),
        new(nameof(DirectMessagePolls), DirectMessagePolls),
    ];

    /// <summary>Every documented bit.</summary>
    public static long All { get; } = Combine();

    /// <summary>The bits of <paramref name="intents"/> Discord does not define.</summary>
    public static long Undocumented(long intents) => intents & ~All;

    /// <summary>The enum member names of the documented bits in <paramref name="intents"/>, in bit order.</summary>
    public static List<string> Names(long intents)
    {
        var names = new List<string>();
        foreach (var intent in Documented)
        {
            if ((intents & intent.Value) != 0)
            {
                names.Add(intent.Key);
            }
        }

        return names;
    }

    private static long Combine()
    {
        long all = 0;
        foreach (var intent in Documented)
        {
            all |= intent.Value;
        }

        return all;
    }
}
