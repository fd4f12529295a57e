using System.Collections.Concurrent;

namespace Disgo.Emulator.Observation;

/// <summary>
/// Everything the emulator saw: each connection's received payloads and closes, and every rule violation.
/// Tests query it to assert, for example, that no limit was ever exceeded.
/// </summary>
public sealed class ObservationLog
{
    private readonly ConcurrentQueue<RuleViolation> _violations = new();
    private readonly ConcurrentDictionary<long, ConnectionRecord> _connections = new();
    private long _nextConnectionId;

    public IReadOnlyCollection<RuleViolation> Violations => _violations;

    public IReadOnlyCollection<ConnectionRecord> Connections => _connections.Values.OrderBy(c => c.Id).ToArray();

    public ConnectionRecord? FindConnection(long connectionId) => _connections.GetValueOrDefault(connectionId);

    public IEnumerable<RuleViolation> ViolationsOf(ViolationKind kind) => _violations.Where(v => v.Kind == kind);

    internal ConnectionRecord OpenConnection(string path, DateTimeOffset at)
    {
        var record = new ConnectionRecord(Interlocked.Increment(ref _nextConnectionId), path, at);
        _connections[record.Id] = record;
        return record;
    }

    internal void Record(RuleViolation violation) => _violations.Enqueue(violation);
}
