using System.Globalization;
using Disgo.Gateway.Coordination;
using Disgo.Gateway.Dispatch;
using Disgo.Gateway.Session;
using Disgo.Models.Gateway;
using Microsoft.Extensions.Logging;

namespace Disgo.Sharding;

/// <summary>
/// The default <see cref="IShardManager"/>: asks <c>GET /gateway/bot</c> once, resolves and checks the shard set,
/// starts every shard at once through one identify coordinator (made by
/// <see cref="ShardManagerOptions.IdentifyCoordinatorFactory"/>; it orders them by bucket and keeps the session start
/// budget), tracks every session in <see cref="Sessions"/>, and reshards without downtime, by hand or on Discord's 4011.
/// </summary>
public sealed class ShardManager : IShardManager
{
    // How long a reshard waits for an old session to receive what was sent to it (one round trip when connected) before
    // stopping it anyway: one that cannot reach Discord for this long has no events left to give.
    private static readonly TimeSpan OldSetCatchUpLimit = TimeSpan.FromSeconds(60);

    private readonly ShardManagerOptions _options;
    private readonly IGatewayDispatcher _dispatcher;
    private readonly ILogger _logger;
    private readonly HttpClient _http = new();
    private readonly SemaphoreSlim _reshardGate = new(1, 1);
    private readonly CancellationTokenSource _lifetime = new();
    private readonly Lock _lock = new();

    // Guarded by _lock.
    private State _state;
    private GatewayBotInfo? _gatewayBot;
    private IBucketedIdentifyCoordinator? _coordinator;
    private ShardGroup? _active;
    private ShardGroup? _starting;
    private Task<Exception?>? _automaticReshard;
    private readonly List<ShardGroup> _groups = [];

    /// <param name="options">The configuration; checked here (see <see cref="ShardManagerOptions.Validate"/>).</param>
    /// <param name="createDispatcher">Makes the bot's dispatcher, given the <see cref="Sessions"/> its handlers send commands through (e.g. <c>commands =&gt; MyBot.Create(..., commandSender: commands)</c>).</param>
    /// <exception cref="ArgumentException">An option cannot work; the message names it and says why.</exception>
    public ShardManager(ShardManagerOptions options, Func<IGatewayCommandSender, IGatewayDispatcher> createDispatcher)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(createDispatcher);
        options.Validate();
        _options = options;
        _logger = options.LoggerFactory.CreateLogger<ShardManager>();
        Sessions = new SessionManager(options.LoggerFactory);
        _dispatcher = createDispatcher(Sessions) ?? throw new ArgumentException("The dispatcher factory returned null.", nameof(createDispatcher));
    }

    /// <inheritdoc cref="ShardManager(ShardManagerOptions, Func{IGatewayCommandSender, IGatewayDispatcher})"/>
    public ShardManager(ShardManagerOptions options, IGatewayDispatcher dispatcher)
        : this(options, _ => dispatcher ?? throw new ArgumentNullException(nameof(dispatcher)))
    {
    }

    private enum State
    {
        Created,
        Starting,
        Running,
        Stopped,
    }

    public event EventHandler<ShardStartProgress>? ProgressChanged;

    /// <summary>Raised each time an identify has to wait (a held bucket, a window, the budget), with the reason.</summary>
    public event EventHandler<IdentifyWaitingEventArgs>? IdentifyWaiting;

    public SessionManager Sessions { get; }

    /// <summary>What <c>GET /gateway/bot</c> answered last; <see langword="null"/> before the start.</summary>
    public GatewayBotInfo? GatewayBot
    {
        get
        {
            lock (_lock)
            {
                return _gatewayBot;
            }
        }
    }

    /// <summary>Session starts left as tracked by the identify coordinator; <see langword="null"/> before the start.</summary>
    public int? RemainingSessionStarts => Coordinator?.RemainingSessionStarts;

    public int TotalShards => Active.TotalShards;

    public IReadOnlyList<ShardInfo> Shards => Active.Shards;

    public ShardStartProgress Progress
    {
        get
        {
            lock (_lock)
            {
                return (_starting ?? _active)?.Progress ?? default;
            }
        }
    }

    private ShardGroup Active
    {
        get
        {
            lock (_lock)
            {
                return _active ?? throw new InvalidOperationException("The shard manager has not started: StartAsync decides the shard count.");
            }
        }
    }

    private IBucketedIdentifyCoordinator? Coordinator
    {
        get
        {
            lock (_lock)
            {
                return _coordinator;
            }
        }
    }

    public int ShardFor(Snowflake guildId) => guildId.ShardId(TotalShards);

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_state == State.Stopped, this);
            if (_state != State.Created)
            {
                throw new InvalidOperationException("A ShardManager starts once; create a new one to start again.");
            }

            _state = State.Starting;
        }

        var gatewayBot = await FetchGatewayBotAsync(cancellationToken).ConfigureAwait(false);
        var shards = _options.Shards.Resolve(gatewayBot, _options.RequiredShardMultiple);
        EnsureBudgetCovers(shards.Count, gatewayBot.SessionStartLimit);
        var coordinator = CreateCoordinator(gatewayBot.SessionStartLimit);
        var group = CreateGroup(shards, coordinator, gatewayBot, joining: null);
        lock (_lock)
        {
            _coordinator = coordinator;
            _active = group;
            _starting = group;
        }

        ShardingLog.Starting(_logger, DescribeShards(shards), shards[0].ShardCount, group.Windows, coordinator.MaxConcurrency, gatewayBot.SessionStartLimit.Remaining);
        try
        {
            await group.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (GatewayFatalCloseException exception) when (IsShardingRequired(exception) && CanReshardAutomatically)
        {
            // Discord refused the count: the shards that did start keep running while a set of the new recommended count starts.
            if (await ReshardForShardingRequiredAsync().ConfigureAwait(false) is { } failure)
            {
                throw failure;
            }
        }
        catch
        {
            await group.StopAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        lock (_lock)
        {
            _state = _state == State.Starting ? State.Running : _state;
            _starting = null;
        }

        var progress = Progress;
        ShardingLog.AllReady(_logger, progress.Total, progress.TotalShards, progress.Elapsed.TotalSeconds);
    }

    public async Task ReshardAsync(int totalShards, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalShards);
        if (_options.Shards.ShardCount is not null)
        {
            throw new ShardConfigurationException(string.Create(CultureInfo.InvariantCulture,
                $"This process runs a range ({_options.Shards}) of a bot split over several processes; resharding one process alone would leave shards of {totalShards} unrun. Restart every process with ShardSet.Range(...) of the new total instead."));
        }

        await _reshardGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await ReshardCoreAsync(totalShards, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _reshardGate.Release();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        ShardGroup[] groups;
        lock (_lock)
        {
            _state = State.Stopped;
            groups = [.. _groups];
        }

        await _lifetime.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(groups.Select(group => group.StopAsync(cancellationToken))).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        ShardGroup[] groups;
        lock (_lock)
        {
            _state = State.Stopped;
            groups = [.. _groups];
        }

        await _lifetime.CancelAsync().ConfigureAwait(false);
        foreach (var group in groups)
        {
            await group.DisposeAsync().ConfigureAwait(false);
        }

        // A coordinator may hold connections of its own (to a store shared with other processes).
        if (Coordinator is IAsyncDisposable coordinator)
        {
            await coordinator.DisposeAsync().ConfigureAwait(false);
        }

        _http.Dispose();
    }

    private bool CanReshardAutomatically => _options.ReshardOnShardingRequired && _options.Shards.ShardCount is null;

    private static bool IsShardingRequired(Exception exception) =>
        exception is GatewayFatalCloseException { CloseCode.Code: (int)GatewayCloseCode.ShardingRequired };

    private static string DescribeShards(IReadOnlyList<ShardInfo> shards) => ShardRanges.Describe([.. shards.Select(shard => shard.ShardId)]);

    private async Task ReshardCoreAsync(int totalShards, CancellationToken cancellationToken)
    {
        var old = Active;
        if (old.TotalShards == totalShards)
        {
            return;
        }

        // Fresh limits: the budget has moved since the start, and the recommendation may be why we are here.
        var gatewayBot = await FetchGatewayBotAsync(cancellationToken).ConfigureAwait(false);
        var shards = ShardSet.Fixed(totalShards).Resolve(gatewayBot, _options.RequiredShardMultiple);
        EnsureBudgetCovers(shards.Count, gatewayBot.SessionStartLimit);
        var coordinator = Coordinator!;
        await coordinator.UpdateSessionStartLimitAsync(gatewayBot.SessionStartLimit, cancellationToken).ConfigureAwait(false);
        ShardingLog.Resharding(_logger, old.TotalShards, totalShards);

        var deduplicator = new ReshardDeduplicator(totalShards);
        var notifying = new IdentifyNotifyingCoordinator(coordinator, shard => deduplicator.IdentifyGranted(shard?.ShardId ?? 0));
        foreach (var member in old.Members)
        {
            member.Dispatcher.BeginAsOld(deduplicator);
        }

        var next = CreateGroup(shards, notifying, gatewayBot, (deduplicator, guildId => old.HasBeenReady(new Snowflake(guildId).ShardId(old.TotalShards))));
        lock (_lock)
        {
            _starting = next;
        }

        try
        {
            await next.StartAsync(cancellationToken).ConfigureAwait(false);
            await next.GuildsArrivedAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Abandoned: the old set goes on as before.
            await next.StopAsync(CancellationToken.None).ConfigureAwait(false);
            EndReshard(old);
            lock (_lock)
            {
                _starting = null;
            }

            throw;
        }

        foreach (var member in next.Members)
        {
            await member.Dispatcher.SwitchOverAsync().ConfigureAwait(false);
        }

        Sessions.Route(totalShards);
        lock (_lock)
        {
            _active = next;
            _starting = null;
        }

        ShardingLog.SwitchedOver(_logger, totalShards, old.Members.Count, old.TotalShards);

        // Events Discord sent only to the old set (before the new sessions identified) may still be on the wire: a
        // close now would cut them off, and no new session has them. Each old session first takes what was sent to it.
        await old.CatchUpAsync(OldSetCatchUpLimit, _lifetime.Token).ConfigureAwait(false);

        await old.StopAsync(CancellationToken.None).ConfigureAwait(false);
        deduplicator.OldSetStopped();
        lock (_lock)
        {
            _groups.Remove(old);
        }

        await old.DisposeAsync().ConfigureAwait(false);
        _ = EndReshardAfterWindowAsync(next);
    }

    /// <summary>Stops checking the new set's events against the old set's once they can no longer be late copies.</summary>
    private async Task EndReshardAfterWindowAsync(ShardGroup group)
    {
        try
        {
            await Task.Delay(_options.ReshardDeduplicationWindow, _options.TimeProvider, _lifetime.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        EndReshard(group);
    }

    private static void EndReshard(ShardGroup group)
    {
        foreach (var member in group.Members)
        {
            member.Dispatcher.EndReshard();
        }
    }

    /// <summary>Reshards to the recommended count after 4011, once however many shards report it.</summary>
    private Task<Exception?> ReshardForShardingRequiredAsync()
    {
        lock (_lock)
        {
            return _automaticReshard ??= RunAsync();
        }

        async Task<Exception?> RunAsync()
        {
            await Task.Yield();
            try
            {
                await _reshardGate.WaitAsync(_lifetime.Token).ConfigureAwait(false);
                try
                {
                    var recommended = (await FetchGatewayBotAsync(_lifetime.Token).ConfigureAwait(false)).RecommendedShards;
                    if (recommended == TotalShards)
                    {
                        throw new ShardConfigurationException(string.Create(CultureInfo.InvariantCulture,
                            $"The gateway closed with 4011 (sharding required), yet GET /gateway/bot recommends the {recommended} shards already running; start with more shards (ShardSet.Fixed)."));
                    }

                    await ReshardCoreAsync(recommended, _lifetime.Token).ConfigureAwait(false);
                    return null;
                }
                finally
                {
                    _reshardGate.Release();
                }
            }
            catch (Exception exception)
            {
                ShardingLog.AutomaticReshardFailed(_logger, exception);
                return exception;
            }
            finally
            {
                lock (_lock)
                {
                    _automaticReshard = null;
                }
            }
        }
    }

    private ShardGroup CreateGroup(
        IReadOnlyList<ShardInfo> shards,
        IIdentifyCoordinator coordinator,
        GatewayBotInfo gatewayBot,
        (ReshardDeduplicator Deduplicator, Func<ulong, bool> BotHasGuild)? joining)
    {
        var members = new ShardMember[shards.Count];
        for (var i = 0; i < members.Length; i++)
        {
            var options = _options.SessionOptions(shards[i], coordinator, gatewayBot.Url);
            _options.ConfigureSession?.Invoke(options);
            var dispatcher = new ShardDispatcher(_dispatcher, _logger);
            if (joining is { } reshard)
            {
                dispatcher.BeginAsNew(reshard.Deduplicator, reshard.BotHasGuild);
            }

            members[i] = new ShardMember(shards[i], new GatewaySession(options, dispatcher), dispatcher);
        }

        var group = new ShardGroup(shards[0].ShardCount, members, gatewayBot.SessionStartLimit.MaxConcurrency, _options.IdentifyWindow, _options.TimeProvider);
        group.ProgressChanged += OnProgressChanged;
        lock (_lock)
        {
            _groups.Add(group);
        }

        foreach (var member in members)
        {
            Sessions.Add(member.Session);
            _ = WatchAsync(member);
        }

        return group;
    }

    /// <summary>Reports a shard that stopped for good, and reshards when Discord says the count is too low.</summary>
    private async Task WatchAsync(ShardMember member)
    {
        try
        {
            await member.Session.Completion.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            ShardingLog.ShardStopped(_logger, member.Shard.ToString(), exception);
            if (IsShardingRequired(exception) && CanReshardAutomatically)
            {
                ShardingLog.ShardingRequired(_logger, member.Shard.ToString());
                bool running;
                lock (_lock)
                {
                    running = _state == State.Running;
                }

                // During the start, StartAsync itself reshards (and reports the outcome to its caller).
                if (running)
                {
                    _ = ReshardForShardingRequiredAsync();
                }
            }
        }
    }

    private IBucketedIdentifyCoordinator CreateCoordinator(SessionStartLimit limit)
    {
        var coordinator = _options.IdentifyCoordinatorFactory(new IdentifyCoordinatorContext
        {
            MaxConcurrency = limit.MaxConcurrency,
            SessionStartLimit = limit,
            Window = _options.IdentifyWindow,
            SessionStartReserve = _options.SessionStartReserve,
            BotId = _options.BotId(),
            TimeProvider = _options.TimeProvider,
            LoggerFactory = _options.LoggerFactory,
        }) ?? throw new InvalidOperationException("ShardManagerOptions.IdentifyCoordinatorFactory returned null.");
        coordinator.Waiting += OnIdentifyWaiting;
        return coordinator;
    }

    private void OnIdentifyWaiting(object? sender, IdentifyWaitingEventArgs waiting)
    {
        // Raised inside the coordinator's wait: a failing handler must not fail the identify.
        try
        {
            IdentifyWaiting?.Invoke(this, waiting);
        }
        catch (Exception exception)
        {
            ShardingLog.IdentifyWaitingHandlerFailed(_logger, exception);
        }
    }

    private void OnProgressChanged(ShardStartProgress progress)
    {
        try
        {
            ProgressChanged?.Invoke(this, progress);
        }
        catch (Exception exception)
        {
            ShardingLog.ProgressHandlerFailed(_logger, exception);
        }
    }

    private async Task<GatewayBotInfo> FetchGatewayBotAsync(CancellationToken cancellationToken)
    {
        var gatewayBot = await new GatewayBotInfoClient(_http, _options.RestBaseUrl, _options.Token, _options.TimeProvider)
            .GetAsync(cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            _gatewayBot = gatewayBot;
        }

        return gatewayBot;
    }

    /// <summary>Refuses a start the budget cannot cover: the last starts would wait a day, or end every session if used.</summary>
    private void EnsureBudgetCovers(int shardCount, SessionStartLimit limit)
    {
        var usable = limit.Remaining - _options.SessionStartReserve;
        if (usable >= shardCount)
        {
            return;
        }

        throw new ShardConfigurationException(string.Create(CultureInfo.InvariantCulture,
            $"Starting {shardCount} shard(s) needs {shardCount} session starts, but Discord reports {limit.Remaining} left ({_options.SessionStartReserve} kept in reserve) until the reset in {limit.ResetAfter:hh\\:mm\\:ss}. Wait for the reset, start fewer shards in this process (ShardSet.Range), or lower ShardManagerOptions.SessionStartReserve."));
    }
}
