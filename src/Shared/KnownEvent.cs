namespace Disgo.Shared;

/// <summary>One row of <see cref="KnownEvents"/>.</summary>
internal sealed class KnownEvent
{
    public KnownEvent(string name, string memberName, long guildIntents, long directMessageIntents, string? modelMetadataName, string? jsonTypeInfoProperty)
    {
        Name = name;
        MemberName = memberName;
        GuildIntents = guildIntents;
        DirectMessageIntents = directMessageIntents;
        ModelMetadataName = modelMetadataName;
        JsonTypeInfoProperty = jsonTypeInfoProperty;
    }

    /// <summary>The event name (<c>t</c>), e.g. <c>MESSAGE_CREATE</c>.</summary>
    public string Name { get; }

    /// <summary>Its constant in <c>GatewayEvents</c>, e.g. <c>MessageCreate</c>: a C# identifier.</summary>
    public string MemberName { get; }

    /// <summary>The intent gating the guild form of the event (0 when none).</summary>
    public long GuildIntents { get; }

    /// <summary>The intent gating the DM form of the event (0 when none).</summary>
    public long DirectMessageIntents { get; }

    /// <summary>Every intent that gates some form of the event.</summary>
    public long AnyIntents => GuildIntents | DirectMessageIntents;

    /// <summary>The metadata name of the model <c>d</c> reads into, or null when Disgo has none yet.</summary>
    public string? ModelMetadataName { get; }

    /// <summary>The model's <c>JsonTypeInfo</c> property on <c>DisgoJsonContext</c>, or null without a model.</summary>
    public string? JsonTypeInfoProperty { get; }
}
