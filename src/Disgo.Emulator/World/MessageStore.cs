namespace Disgo.Emulator.World;

/// <summary>
/// The messages of the emulated world that can be edited, deleted, reacted to or replied to: those the bot posted
/// through REST and those emitted one at a time for tests. Messages emitted at a steady rate are not kept, so a
/// load run costs no memory; like messages posted before the bot joined, they are unknown to REST.
/// </summary>
public sealed class MessageStore
{
    private readonly Dictionary<ulong, StoredMessage> _messages = [];
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
                return _messages.Count;
        }
    }

    public StoredMessage? Find(ulong messageId)
    {
        lock (_lock)
            return _messages.GetValueOrDefault(messageId);
    }

    /// <summary>The message if it is in <paramref name="channelId"/>; a message id from another channel is unknown there.</summary>
    public StoredMessage? Find(ulong channelId, ulong messageId) => Find(messageId) is { } message && message.ChannelId == channelId ? message : null;

    /// <summary>The channel's messages, oldest first.</summary>
    public IReadOnlyList<StoredMessage> InChannel(ulong channelId)
    {
        var messages = new List<StoredMessage>();
        lock (_lock)
        {
            foreach (var message in _messages.Values)
            {
                if (message.ChannelId == channelId)
                    messages.Add(message);
            }
        }

        messages.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        return messages;
    }

    internal void Add(StoredMessage message)
    {
        lock (_lock)
            _messages.Add(message.Id, message);
    }

    /// <summary>Replaces the message with <paramref name="update"/>'s result; null if it is gone (deleted meanwhile).</summary>
    internal StoredMessage? Update(ulong messageId, Func<StoredMessage, StoredMessage> update)
    {
        lock (_lock)
        {
            if (!_messages.TryGetValue(messageId, out var message))
                return null;
            var updated = update(message);
            _messages[messageId] = updated;
            return updated;
        }
    }

    internal bool Remove(ulong messageId)
    {
        lock (_lock)
            return _messages.Remove(messageId);
    }
}
