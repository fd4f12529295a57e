namespace Disgo.Emulator.Rest;

/// <summary>
/// The REST limits the emulator enforces. Discord documents the global limit and the invalid-request ban but not
/// per-route numbers (clients must read the headers), so route defaults are plausible values that Discord has been
/// seen to send. Every window may be shortened, also below a second, so client tests run fast on real time.
/// </summary>
public sealed class RestLimitOptions
{
    /// <summary>Create message, per channel.</summary>
    public RouteRate CreateMessage { get; set; } = new(5, TimeSpan.FromSeconds(5));

    /// <summary>Edit and delete message, one bucket shared by both routes, per channel.</summary>
    public RouteRate EditOrDeleteMessage { get; set; } = new(5, TimeSpan.FromSeconds(5));

    /// <summary>Create reaction, per channel (Discord sends 1 per 0.25 s).</summary>
    public RouteRate CreateReaction { get; set; } = new(1, TimeSpan.FromMilliseconds(250));

    /// <summary>Get channel, per channel.</summary>
    public RouteRate GetChannel { get; set; } = new(5, TimeSpan.FromSeconds(5));

    /// <summary>Get guild member, per guild.</summary>
    public RouteRate GetGuildMember { get; set; } = new(5, TimeSpan.FromSeconds(5));

    /// <summary>Interaction callback, per interaction.</summary>
    public RouteRate InteractionCallback { get; set; } = new(5, TimeSpan.FromSeconds(5));

    /// <summary>Follow-up create, edit and delete: one bucket per webhook id and token, like Discord's webhooks.</summary>
    public RouteRate Webhook { get; set; } = new(5, TimeSpan.FromSeconds(2));

    /// <summary>Bulk overwrite of the application's global commands, per application.</summary>
    public RouteRate BulkOverwriteCommands { get; set; } = new(5, TimeSpan.FromSeconds(20));

    /// <summary><c>GET /gateway</c>: unauthenticated, so counted per caller (everyone on loopback is one caller).</summary>
    public RouteRate Gateway { get; set; } = new(5, TimeSpan.FromSeconds(5));

    /// <summary><c>GET /gateway/bot</c>: libraries call it once per start or reshard, so a small bucket is realistic.</summary>
    public RouteRate GatewayBot { get; set; } = new(5, TimeSpan.FromSeconds(5));

    /// <summary>The bot's global limit over all authenticated routes except the interaction ones (Discord: 50 per second).</summary>
    public RouteRate Global { get; set; } = new(50, TimeSpan.FromSeconds(1));

    /// <summary>Invalid requests (401, 403, and 429 other than shared) within <see cref="InvalidRequestWindow"/> that get the caller banned.</summary>
    public int InvalidRequestLimit { get; set; } = 10_000;

    /// <summary>The sliding window invalid requests are counted over (Discord: 10 minutes).</summary>
    public TimeSpan InvalidRequestWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a ban lasts; Discord only says "temporary", and reports of an hour are common.</summary>
    public TimeSpan BanDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The configured rate of the bucket <paramref name="route"/> starts in.</summary>
    public RouteRate For(ApiRoute route) => route switch
    {
        ApiRoute.GetGateway => Gateway,
        ApiRoute.GetGatewayBot => GatewayBot,
        ApiRoute.CreateMessage => CreateMessage,
        ApiRoute.EditMessage or ApiRoute.DeleteMessage => EditOrDeleteMessage,
        ApiRoute.CreateReaction => CreateReaction,
        ApiRoute.GetChannel => GetChannel,
        ApiRoute.GetGuildMember => GetGuildMember,
        ApiRoute.InteractionCallback => InteractionCallback,
        ApiRoute.CreateFollowup or ApiRoute.EditFollowup or ApiRoute.DeleteFollowup => Webhook,
        ApiRoute.BulkOverwriteCommands => BulkOverwriteCommands,
        _ => throw new ArgumentOutOfRangeException(nameof(route), route, "Not a route the emulator serves."),
    };

    /// <summary>Throws a clear error for limits the emulator cannot enforce.</summary>
    public void Validate()
    {
        CreateMessage.Validate(nameof(CreateMessage));
        EditOrDeleteMessage.Validate(nameof(EditOrDeleteMessage));
        CreateReaction.Validate(nameof(CreateReaction));
        GetChannel.Validate(nameof(GetChannel));
        GetGuildMember.Validate(nameof(GetGuildMember));
        InteractionCallback.Validate(nameof(InteractionCallback));
        Webhook.Validate(nameof(Webhook));
        BulkOverwriteCommands.Validate(nameof(BulkOverwriteCommands));
        Gateway.Validate(nameof(Gateway));
        GatewayBot.Validate(nameof(GatewayBot));
        Global.Validate(nameof(Global));
        if (InvalidRequestLimit < 1)
            throw new ArgumentException($"Emulator option {nameof(InvalidRequestLimit)} must be at least 1.", nameof(InvalidRequestLimit));
        if (InvalidRequestWindow <= TimeSpan.Zero)
            throw new ArgumentException($"Emulator option {nameof(InvalidRequestWindow)} must be positive.", nameof(InvalidRequestWindow));
        if (BanDuration < TimeSpan.Zero)
            throw new ArgumentException($"Emulator option {nameof(BanDuration)} must not be negative.", nameof(BanDuration));
    }
}
