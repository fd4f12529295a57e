using System.Collections.Concurrent;
using System.Security.Cryptography;
using Disgo.Emulator.Observation;
using Microsoft.Extensions.Logging;

namespace Disgo.Emulator.Gateway;

/// <summary>
/// Every session that can still receive dispatches or be resumed. Routing walks an array snapshot that changes
/// only when sessions start or end, so a dispatch takes no lock here.
/// </summary>
internal sealed class SessionRegistry
{
    private readonly ConcurrentDictionary<string, EmulatedSession> _byId = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly EmulatorOptions _options;
    private volatile EmulatedSession[] _all = [];

    public SessionRegistry(EmulatorOptions options) => _options = options;

    /// <summary>Set once the host's logging is known.</summary>
    public ILogger Logger { get; set; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public EmulatedSession[] All => _all;

    public EmulatedSession? Find(string sessionId) => _byId.GetValueOrDefault(sessionId);

    /// <summary>A new session with a random 32-hex-digit id, not yet visible to routing (see <see cref="Publish"/>).</summary>
    public EmulatedSession Create(ShardTuple? shard, long intents, int largeThreshold) =>
        new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), shard, intents, largeThreshold, _options, Expired);

    public void Publish(EmulatedSession session)
    {
        lock (_lock)
        {
            _byId[session.Id] = session;
            _all = [.. _all, session];
        }
    }

    /// <summary>Ends <paramref name="session"/> and forgets it: a later resume gets op 9 <c>false</c>.</summary>
    public void Remove(EmulatedSession session)
    {
        session.End();
        lock (_lock)
        {
            if (!_byId.TryRemove(new KeyValuePair<string, EmulatedSession>(session.Id, session)))
                return;
            _all = Array.FindAll(_all, s => !ReferenceEquals(s, session));
        }
    }

    /// <summary>Ends every session (shutdown).</summary>
    public void Clear()
    {
        foreach (var session in _all)
            Remove(session);
    }

    private void Expired(EmulatedSession session)
    {
        GatewayLog.SessionExpired(Logger, session.Id);
        Remove(session);
    }
}
