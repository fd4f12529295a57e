namespace Disgo.Emulator.Events;

/// <summary>The guild events an <see cref="EventSource"/> emits at its rate; it picks evenly among the chosen ones.</summary>
[Flags]
public enum EmittedEvents
{
    None = 0,

    /// <summary>MESSAGE_CREATE: a member writes in one of the guild's channels (about 1 KB, like real traffic).</summary>
    MessageCreate = 1,

    /// <summary>TYPING_START: a member starts typing.</summary>
    TypingStart = 2,

    /// <summary>MESSAGE_REACTION_ADD: a member reacts to a message.</summary>
    MessageReactionAdd = 4,

    All = MessageCreate | TypingStart | MessageReactionAdd,
}
