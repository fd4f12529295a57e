namespace Disgo.Emulator.Gateway;

/// <summary>
/// Discord's limit on full member list requests (op 8 with <c>query:""</c> and <c>limit:0</c>): one per guild per
/// bot per 30 s, across all of the bot's connections. Going over is answered with a RATE_LIMITED dispatch, not a close.
/// </summary>
internal sealed class FullMemberListLimiter
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    private readonly Lock _lock = new();
    private readonly Dictionary<ulong, DateTimeOffset> _lastRequest = [];

    /// <summary>Counts a request for <paramref name="guildId"/>; false with the time left when one was made within the window.</summary>
    public bool TryAcquire(ulong guildId, DateTimeOffset now, out TimeSpan retryAfter)
    {
        lock (_lock)
        {
            if (_lastRequest.TryGetValue(guildId, out var last) && now - last < Window)
            {
                retryAfter = Window - (now - last);
                return false;
            }

            _lastRequest[guildId] = now;
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }
}
