using Disgo.Models.Gateway;

namespace Disgo;

/// <summary>
/// Sets the intents a bot identifies with, instead of the ones derived from its handlers
/// (<see cref="IDiscordBot{TSelf}.RequiredIntents"/>). Needed for intents that gate no event, such as
/// <see cref="GatewayIntents.MessageContent"/>, or to receive fewer events than the handlers could take.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class IntentsAttribute : Attribute
{
    public IntentsAttribute(GatewayIntents intents)
    {
        Intents = intents;
    }

    public GatewayIntents Intents { get; }
}
