using System.Collections.Concurrent;
using System.Diagnostics;
using Disgo.Emulator;
using Disgo.Emulator.Observation;
using Disgo.Gateway.Session;
using Disgo.Models.Gateway;
using Microsoft.Extensions.Time.Testing;

namespace Disgo.Runtime.Tests.Session;

/// <summary>
/// An emulator and the sessions of one test, on one virtual clock: nothing times out, beats or backs off unless the
/// test moves the clock (<see cref="PumpUntilAsync(Func{bool}, string, TimeSpan, TimeSpan, Func{bool})"/>). Real time is only a safety net.
/// </summary>
internal sealed class SessionHarness : IAsyncDisposable
{
    public static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(15);

    private readonly List<GatewaySession> _sessions = [];

    private SessionHarness(DiscordEmulator emulator, FakeTimeProvider time)
    {
        Emulator = emulator;
        Time = time;
    }

    public DiscordEmulator Emulator { get; }

    public FakeTimeProvider Time { get; }

    public CapturingLoggerFactory Logs { get; } = new();

    public ObservationLog Observations => Emulator.Observations;

    public IReadOnlyList<ConnectionRecord> Connections => Observations.Connections.ToArray();

    public static async Task<SessionHarness> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var options = new EmulatorOptions { GuildCount = 3, TimeProvider = time };
        configure?.Invoke(options);
        var emulator = await DiscordEmulator.StartAsync(options).WaitAsync(SafetyNet);
        return new SessionHarness(emulator, time);
    }

    /// <summary>Options that point at the emulator (the gateway URL comes from its GET /gateway/bot) and at this clock.</summary>
    public GatewaySessionOptions Options(Action<GatewaySessionOptions>? configure = null)
    {
        var options = new GatewaySessionOptions
        {
            Token = Emulator.Options.Token,
            Intents = GatewayIntents.Guilds | GatewayIntents.GuildMessages,
            RestBaseUrl = Emulator.RestBaseUrl,
            TimeProvider = Time,
            LoggerFactory = Logs,
        };
        configure?.Invoke(options);
        return options;
    }

    public SessionProbe Create(GatewaySessionOptions options, SequenceRecorder? dispatcher = null)
    {
        dispatcher ??= new SequenceRecorder();
        var probe = new SessionProbe(options, dispatcher);
        lock (_sessions)
        {
            _sessions.Add(probe.Session);
        }

        return probe;
    }

    /// <summary>Creates a session with <see cref="Options"/> and waits until it is ready.</summary>
    public async Task<SessionProbe> StartSessionAsync(Action<GatewaySessionOptions>? configure = null)
    {
        var probe = Create(Options(configure));
        await probe.Session.StartAsync().WaitAsync(SafetyNet);
        return probe;
    }

    /// <summary>Waits (in real time, without moving the clock) until <paramref name="condition"/> holds.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > SafetyNet)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }

            await Task.Delay(2);
        }
    }

    /// <summary>
    /// Moves the clock in <paramref name="step"/>s, letting the sockets work in between, until <paramref name="condition"/>
    /// holds; fails after <paramref name="maxVirtual"/> of virtual time. While <paramref name="mayAdvance"/> says no, the
    /// clock waits for the sockets (the virtual clock must not outrun work that real time is still doing).
    /// </summary>
    public Task PumpUntilAsync(Func<bool> condition, string what, TimeSpan step, TimeSpan maxVirtual, Func<bool>? mayAdvance = null) =>
        PumpUntilAsync(Time, condition, what, step, maxVirtual, mayAdvance);

    /// <inheritdoc cref="PumpUntilAsync(Func{bool}, string, TimeSpan, TimeSpan, Func{bool})"/>
    public static async Task PumpUntilAsync(FakeTimeProvider time, Func<bool> condition, string what, TimeSpan step, TimeSpan maxVirtual, Func<bool>? mayAdvance = null)
    {
        var watch = Stopwatch.StartNew();
        // Each step costs some real time however busy the machine is, so a long virtual span gets a longer safety net.
        var realLimit = TimeSpan.FromTicks(Math.Max(SafetyNet.Ticks, maxVirtual.Ticks / 6));
        var advanced = TimeSpan.Zero;
        while (!condition())
        {
            if (advanced > maxVirtual || watch.Elapsed > realLimit)
            {
                throw new TimeoutException($"Timed out waiting until {what} (moved the clock by {advanced}).");
            }

            // Give the sockets and continuations a moment before time moves on.
            await Task.Delay(5);
            if (condition() || mayAdvance?.Invoke() == false)
            {
                continue;
            }

            time.Advance(step);
            advanced += step;
        }
    }

    /// <summary>Emits one MESSAGE_CREATE in the first guild; returns how many sessions got it.</summary>
    public int EmitMessage(string content)
    {
        var guild = Emulator.World.Guilds[0];
        Emulator.Events.EmitMessageCreate(guild.Id, guild.ChannelId(0), content, out var deliveredTo);
        return deliveredTo;
    }

    public async ValueTask DisposeAsync()
    {
        GatewaySession[] sessions;
        lock (_sessions)
        {
            sessions = [.. _sessions];
        }

        foreach (var session in sessions)
        {
            await session.DisposeAsync().AsTask().WaitAsync(SafetyNet);
        }

        await Emulator.DisposeAsync();
    }
}

/// <summary>A session under test, with its dispatcher and every status change it reported.</summary>
internal sealed class SessionProbe
{
    public SessionProbe(GatewaySessionOptions options, SequenceRecorder dispatcher)
    {
        Session = new GatewaySession(options, dispatcher);
        Dispatcher = dispatcher;
        Session.StatusChanged += (_, change) => Changes.Enqueue(change);
    }

    public GatewaySession Session { get; }

    public SequenceRecorder Dispatcher { get; }

    public ConcurrentQueue<GatewaySessionStatusChangedEventArgs> Changes { get; } = new();

    public IReadOnlyList<GatewaySessionStatus> Statuses => Changes.Select(c => c.Current).ToArray();

    /// <summary>Whether the statuses since <paramref name="from"/> changes contain <paramref name="expected"/> in this order.</summary>
    public bool WentThrough(int from, params GatewaySessionStatus[] expected)
    {
        var seen = Statuses.Skip(from).ToArray();
        var next = 0;
        foreach (var status in seen)
        {
            if (next < expected.Length && status == expected[next])
            {
                next++;
            }
        }

        return next == expected.Length;
    }
}
