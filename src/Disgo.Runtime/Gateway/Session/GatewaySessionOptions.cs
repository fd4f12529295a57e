using System.Globalization;
using System.Net.WebSockets;
using Disgo.Gateway.Compression;
using Disgo.Gateway.Dispatch;
using Disgo.Gateway.Coordination;
using Disgo.Gateway.Transport;
using Disgo.Models.Gateway;
using Disgo.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using IdentifyPayload = Disgo.Models.Gateway.Identify;

namespace Disgo.Gateway.Session;

/// <summary>
/// Everything a <see cref="GatewaySession"/> needs. Only <see cref="Token"/> is required; the rest defaults to
/// Discord's values. <see cref="ToString"/> never shows the token.
/// </summary>
public sealed class GatewaySessionOptions
{
    /// <summary>Discord's REST base URL, the default <see cref="RestBaseUrl"/>.</summary>
    public static Uri DiscordRestBaseUrl => GatewayUrls.DiscordRestBaseUrl;

    /// <summary>The bot token, without the <c>Bot </c> prefix. Secret: never logged, never in messages.</summary>
    public string Token { get; set; } = "";

    /// <summary>The events the session asks for. Privileged ones must be enabled in the Developer Portal.</summary>
    public GatewayIntents Intents { get; set; }

    /// <summary><c>[shard_id, num_shards]</c>; <see langword="null"/> for a bot without sharding.</summary>
    public ShardInfo? Shard { get; set; }

    /// <summary>The presence the bot starts with; <see langword="null"/> for Discord's default (online).</summary>
    public UpdatePresence? Presence { get; set; }

    /// <summary>Member count (50-250) above which offline members are left out of GUILD_CREATE; Discord's 50 when null.</summary>
    public int? LargeThreshold { get; set; }

    /// <summary>The <c>properties</c> of Identify.</summary>
    public IdentifyProperties Properties { get; set; } = IdentifyProperties.Default;

    /// <summary>Transport compression of every connection; zlib-stream by default.</summary>
    public GatewayCompression Compression { get; set; } = GatewayCompression.ZlibStream;

    /// <summary>
    /// The gateway to connect to (a proxy, or the emulator). When null, the URL comes from <c>GET /gateway/bot</c>
    /// under <see cref="RestBaseUrl"/>. <c>wss://</c>; <c>ws://</c> only for loopback hosts.
    /// </summary>
    public Uri? GatewayUrl { get; set; }

    /// <summary>Where <c>GET /gateway/bot</c> is asked. <c>https://</c>; <c>http://</c> only for loopback hosts.</summary>
    public Uri RestBaseUrl { get; set; } = GatewayUrls.DiscordRestBaseUrl;

    /// <summary>The bounded queue between the receive loop and the dispatcher, and what it does when full.</summary>
    public DispatchQueueOptions DispatchQueue { get; set; } = new();

    /// <summary>The waits between connections that keep failing.</summary>
    public ReconnectBackoffOptions ReconnectBackoff { get; set; } = new();

    /// <summary>
    /// Failed handshakes in a row on <c>resume_gateway_url</c> after which a resume goes to the gateway URL instead:
    /// a stale resume URL must not keep a shard offline.
    /// </summary>
    public int ResumeUrlFailureLimit { get; set; } = 3;

    /// <summary>
    /// The gate every Identify passes. Share one between all sessions of a process (and across processes with a
    /// distributed one); when null, the session makes its own <see cref="InProcessIdentifyCoordinator"/>.
    /// </summary>
    public IIdentifyCoordinator? IdentifyCoordinator { get; set; }

    /// <summary>A session to resume instead of identifying a new one (from <see cref="GatewaySession.DetachAsync"/>).</summary>
    public GatewayResumeState? ResumeFrom { get; set; }

    /// <summary>
    /// Opens each connection's WebSocket, given the gateway URL with its query (<c>v=10&amp;encoding=json...</c>) and a
    /// token that the handshake timeout (30 s) or a stop cancels. For a proxy or custom TLS; when null, Disgo's own
    /// lean connection (<see cref="GatewayWebSocketConnector"/>). The session owns the returned WebSocket and
    /// disposes it. A failure that is a <see cref="WebSocketException"/>, an <see cref="IOException"/> (such as
    /// <see cref="GatewayHandshakeException"/>), a <see cref="System.Net.Sockets.SocketException"/>, an
    /// <see cref="System.Security.Authentication.AuthenticationException"/> or a timeout is retried with backoff;
    /// any other exception stops the session.
    /// </summary>
    public Func<Uri, CancellationToken, ValueTask<WebSocket>>? ConnectWebSocket { get; set; }

    /// <summary>The clock of every heartbeat, wait and window.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    public ILoggerFactory LoggerFactory { get; set; } = NullLoggerFactory.Instance;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option that cannot work, and why.</summary>
    public void Validate()
    {
        ValidateToken();
        Require(Intents.IsDocumented(), nameof(Intents),
            $"has bits Discord does not define ({(long)Intents.GetUndocumentedBits()}); the gateway would close with 4013. Use GatewayIntents values only");
        Require(LargeThreshold is null or (>= 50 and <= 250), nameof(LargeThreshold),
            $"is {LargeThreshold}; Discord accepts 50 to 250 (or null for its default, 50)");
        Require(Properties is not null, nameof(Properties), "is null; use IdentifyProperties.Default");
        Require(Enum.IsDefined(Compression), nameof(Compression), $"is {(int)Compression}, which is not a GatewayCompression value");
        if (GatewayUrl is not null)
        {
            Require(GatewayUrls.GatewayUrlProblem(GatewayUrl) is null, nameof(GatewayUrl), $"is not usable: {GatewayUrls.GatewayUrlProblem(GatewayUrl)}");
        }

        Require(RestBaseUrl is not null, nameof(RestBaseUrl), "is null; leave it at Discord's https://discord.com/api/v10 or point it at a REST proxy");
        Require(GatewayUrls.RestUrlProblem(RestBaseUrl!) is null, nameof(RestBaseUrl), $"is not usable: {GatewayUrls.RestUrlProblem(RestBaseUrl!)}");
        Require(DispatchQueue is not null, nameof(DispatchQueue), "is null");
        Require(DispatchQueue!.Capacity > 0, nameof(DispatchQueue), $"has a Capacity of {DispatchQueue.Capacity}; it must hold at least 1 event");
        Require(Enum.IsDefined(DispatchQueue.FullMode), nameof(DispatchQueue), $"has a FullMode of {(int)DispatchQueue.FullMode}, which is not a DispatchQueueFullMode value");
        ValidateBackoff();
        Require(ResumeUrlFailureLimit >= 1, nameof(ResumeUrlFailureLimit), $"is {ResumeUrlFailureLimit}; it must be at least 1");
        Require(TimeProvider is not null, nameof(TimeProvider), "is null; use TimeProvider.System");
        Require(LoggerFactory is not null, nameof(LoggerFactory), "is null; use NullLoggerFactory.Instance to log nothing");
        ValidateResumeFrom();
        ValidateIdentifySize();
    }

    /// <summary>The options without the token's value.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"GatewaySessionOptions {{ Token = {(Token.Length == 0 ? "(none)" : "(redacted)")}, Intents = {(long)Intents}, Shard = {Shard?.ToString() ?? "none"}, " +
        $"Compression = {Compression}, GatewayUrl = {(GatewayUrl is null ? "from GET /gateway/bot" : GatewayUrls.Display(GatewayUrl))}, " +
        $"RestBaseUrl = {RestBaseUrl}, ResumeFrom = {ResumeFrom?.SessionId ?? "none"} }}");

    /// <summary>The Identify this configuration sends.</summary>
    internal IdentifyPayload ToIdentify() => new()
    {
        Token = Token,
        Properties = Properties,
        Intents = Intents,
        Shard = Shard,
        Presence = Presence,
        LargeThreshold = LargeThreshold,
    };

    private static void Require(bool condition, string option, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"GatewaySessionOptions.{option} {problem}.", option);
        }
    }

    private void ValidateToken()
    {
        // The messages describe the token's shape, never its characters.
        Require(!string.IsNullOrWhiteSpace(Token), nameof(Token), "is empty; set it to the bot token from the Developer Portal (Applications > your app > Bot)");
        Require(!Token.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase), nameof(Token), "starts with 'Bot '; give the token alone, Disgo adds the prefix where Discord wants it");
        Require(Token.AsSpan().IndexOfAny(" \t\r\n") < 0, nameof(Token), "contains whitespace; copy the token again without spaces or line breaks");
    }

    private void ValidateBackoff()
    {
        Require(ReconnectBackoff is not null, nameof(ReconnectBackoff), "is null");
        var backoff = ReconnectBackoff!;
        Require(backoff.InitialDelay > TimeSpan.Zero, nameof(ReconnectBackoff), $"has an InitialDelay of {backoff.InitialDelay}; it must be positive");
        Require(backoff.MaxDelay >= backoff.InitialDelay, nameof(ReconnectBackoff), $"has a MaxDelay ({backoff.MaxDelay}) below its InitialDelay ({backoff.InitialDelay})");
        Require(backoff.Multiplier >= 1 && double.IsFinite(backoff.Multiplier), nameof(ReconnectBackoff), $"has a Multiplier of {backoff.Multiplier}; it must be a finite number of at least 1");
    }

    private void ValidateResumeFrom()
    {
        if (ResumeFrom is not { } resume)
        {
            return;
        }

        Require(!string.IsNullOrWhiteSpace(resume.SessionId), nameof(ResumeFrom), "has no SessionId");
        Require(resume.Sequence >= 0, nameof(ResumeFrom), $"has a negative Sequence ({resume.Sequence})");
        Require(resume.ResumeGatewayUrl is not null, nameof(ResumeFrom), "has no ResumeGatewayUrl");
        Require(GatewayUrls.GatewayUrlProblem(resume.ResumeGatewayUrl!) is null, nameof(ResumeFrom), $"has an unusable ResumeGatewayUrl: {GatewayUrls.GatewayUrlProblem(resume.ResumeGatewayUrl!)}");
        Require(resume.Shard == Shard, nameof(ResumeFrom),
            $"is for shard {resume.Shard?.ToString() ?? "none"}, but Shard is {Shard?.ToString() ?? "none"}; a session resumes with the shard it identified with");
    }

    private void ValidateIdentifySize()
    {
        var length = GatewayCommandWriter.Write(GatewayOpcode.Identify, ToIdentify(), DisgoJsonContext.Default.Identify).Length;
        Require(length <= GatewayCommandWriter.MaxPayloadBytes, nameof(Presence),
            string.Create(CultureInfo.InvariantCulture, $"makes Identify {length} bytes, over Discord's limit of {GatewayCommandWriter.MaxPayloadBytes} (the gateway would close with 4002); shorten the activities"));
    }
}
