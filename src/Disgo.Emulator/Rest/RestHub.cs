using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Disgo.Emulator.World;

namespace Disgo.Emulator.Rest;

/// <summary>
/// The emulator's REST side as tests see it: what it answered (<see cref="Requests"/>, the invalid-request count and
/// ban), faults for the next requests to a route, bucket changes, and interactions for the bot to answer.
/// </summary>
public sealed class RestHub
{
    private readonly EmulatorServices _services;
    private readonly ConcurrentQueue<RestRequestRecord> _requests = new();
    private long _nextRequestId;

    internal RestHub(EmulatorServices services)
    {
        _services = services;
        Limits = new RestRateLimits(services.Options.RestLimits, services.Time);
        InvalidRequests = new InvalidRequestCounter(services.Options.RestLimits, services.Time);
    }

    /// <summary>Every request answered, in order.</summary>
    public IReadOnlyCollection<RestRequestRecord> Requests => _requests;

    /// <summary>Every 429 answered, whatever its scope.</summary>
    public IEnumerable<RestRequestRecord> RateLimited => _requests.Where(static r => r.Status == 429);

    /// <summary>Invalid requests (401, 403, and 429 other than shared) within the sliding window.</summary>
    public int InvalidRequestsInWindow => InvalidRequests.InWindow;

    /// <summary>Invalid requests since the emulator started.</summary>
    public long InvalidRequestTotal => InvalidRequests.Total;

    /// <summary>When the current invalid-request ban ends, or null when REST is not banned.</summary>
    public DateTimeOffset? BannedUntil => InvalidRequests.BannedUntil;

    internal RestRateLimits Limits { get; }

    internal InvalidRequestCounter InvalidRequests { get; }

    internal PendingRestFaults Faults { get; } = new();

    /// <summary>The bucket <paramref name="route"/> uses now.</summary>
    public RouteLimit LimitOf(ApiRoute route) => Limits.LimitOf(route);

    /// <summary>Makes the next <paramref name="times"/> requests to <paramref name="route"/> (on <paramref name="resource"/> only, when given) misbehave.</summary>
    /// <param name="fault">What goes wrong.</param>
    /// <param name="route">The route whose requests it hits.</param>
    /// <param name="resource">The channel, guild, interaction or application id the route's bucket is keyed by; null for any.</param>
    /// <param name="times">How many requests it hits.</param>
    public void Inject(RestFault fault, ApiRoute route, ulong? resource = null, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        switch (fault)
        {
            case RestFault.SharedRateLimit shared when shared.RetryAfter <= TimeSpan.Zero:
                throw new ArgumentOutOfRangeException(nameof(fault), shared.RetryAfter, "A shared 429's retry_after must be positive.");
            case RestFault.ServerError { Status: < 500 or > 599 } error:
                throw new ArgumentOutOfRangeException(nameof(fault), error.Status, "A server error's status must be 5xx.");
            case RestFault.HtmlErrorPage { Status: < 400 or > 599 } page:
                throw new ArgumentOutOfRangeException(nameof(fault), page.Status, "An HTML error page's status must be 4xx or 5xx.");
            case RestFault.Delay delay when delay.Duration < TimeSpan.Zero:
                throw new ArgumentOutOfRangeException(nameof(fault), delay.Duration, "A delay must not be negative.");
        }

        Faults.Add(fault, route, resource, times);
    }

    /// <summary>
    /// Moves <paramref name="route"/> to a bucket of <paramref name="limit"/> requests per <paramref name="window"/>, under
    /// <paramref name="bucketHash"/> or (when null) a new hash: Discord's limits can change while a bot runs.
    /// </summary>
    public RouteLimit ChangeBucket(ApiRoute route, int limit, TimeSpan window, string? bucketHash = null)
    {
        var rate = new RouteRate(limit, window);
        rate.Validate(nameof(limit));
        if (bucketHash is not null)
            ArgumentException.ThrowIfNullOrWhiteSpace(bucketHash);
        return Limits.ChangeBucket(route, rate, bucketHash);
    }

    /// <summary>
    /// A member runs the slash command <paramref name="commandName"/> in a channel (by default the guild's first):
    /// INTERACTION_CREATE goes to the guild's shard, and the bot may answer once through
    /// <c>POST /interactions/{id}/{token}/callback</c> within 3 seconds and follow up with the token for 15 minutes.
    /// </summary>
    public EmulatedInteraction CreateInteraction(ulong guildId, ulong? channelId = null, string commandName = "ping")
    {
        ArgumentException.ThrowIfNullOrEmpty(commandName);
        var world = _services.World;
        var guild = world.FindGuild(guildId) ?? throw new ArgumentException($"Guild {guildId} is not in the emulated world.", nameof(guildId));
        var channelIndex = 0;
        if (channelId is { } id && (!world.TryFindChannel(id, out var owner, out channelIndex) || !ReferenceEquals(owner, guild)))
            throw new ArgumentException($"Channel {id} is not a channel of guild {guildId}.", nameof(channelId));

        ulong? commandId = null;
        foreach (var command in world.Commands.All)
        {
            if (command.Type == 1 && command.Name == commandName)
                commandId = command.Id;
        }

        // Discord's tokens are long opaque strings; 64 hex characters are as unguessable and URL-safe.
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var interaction = new EmulatedInteraction(
            world.NextId(), token, world.ApplicationId, guild, channelIndex, guild.MemberCount > 1 ? 1 : 0, commandId ?? world.NextId(), commandName, _services.Time.GetUtcNow());
        world.Interactions.Add(interaction);

        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, RestResponses.WriterOptions))
            InteractionJson.WriteInteractionCreate(writer, interaction);
        _services.Gateway.Dispatch("INTERACTION_CREATE", buffer.WrittenSpan, guild.Id);
        return interaction;
    }

    internal void Record(string method, string path, ApiRoute? route, string? resource, int status, string? scope, bool invalid) =>
        _requests.Enqueue(new RestRequestRecord(
            Interlocked.Increment(ref _nextRequestId), method, path, route, resource, status, scope, invalid, _services.Time.GetUtcNow()));
}
