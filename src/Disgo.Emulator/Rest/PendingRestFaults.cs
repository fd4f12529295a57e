namespace Disgo.Emulator.Rest;

/// <summary>Faults waiting for the next requests to their route, oldest first.</summary>
internal sealed class PendingRestFaults
{
    private readonly List<Pending> _pending = [];
    private readonly Lock _lock = new();

    public void Add(RestFault fault, ApiRoute route, ulong? resource, int times)
    {
        lock (_lock)
            _pending.Add(new Pending(fault, route, resource) { Remaining = times });
    }

    /// <summary>The fault the next request to <paramref name="route"/> on <paramref name="resource"/> gets, if any; used up one at a time.</summary>
    public RestFault? Take(ApiRoute route, ulong resource)
    {
        lock (_lock)
        {
            for (var i = 0; i < _pending.Count; i++)
            {
                var pending = _pending[i];
                if (pending.Route != route || (pending.Resource is { } only && only != resource))
                    continue;
                if (--pending.Remaining == 0)
                    _pending.RemoveAt(i);
                return pending.Fault;
            }

            return null;
        }
    }

    private sealed record Pending(RestFault Fault, ApiRoute Route, ulong? Resource)
    {
        public int Remaining { get; set; }
    }
}
