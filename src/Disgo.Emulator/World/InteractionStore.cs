using System.Collections.Concurrent;

namespace Disgo.Emulator.World;

/// <summary>The interactions the emulator created, by id and by token.</summary>
public sealed class InteractionStore
{
    private readonly ConcurrentDictionary<ulong, EmulatedInteraction> _byId = new();
    private readonly ConcurrentDictionary<string, EmulatedInteraction> _byToken = new(StringComparer.Ordinal);

    public EmulatedInteraction? Find(ulong interactionId) => _byId.GetValueOrDefault(interactionId);

    public EmulatedInteraction? FindByToken(string token) => _byToken.GetValueOrDefault(token);

    internal void Add(EmulatedInteraction interaction)
    {
        _byId[interaction.Id] = interaction;
        _byToken[interaction.Token] = interaction;
    }
}
