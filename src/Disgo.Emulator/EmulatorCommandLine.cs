using System.Globalization;
using Disgo.Emulator.Events;

namespace Disgo.Emulator;

/// <summary>
/// The emulator's command line: <c>--name value</c> or <c>--name=value</c> options, each at most once.
/// Parsing never throws; a bad argument yields one precise sentence for the user.
/// </summary>
internal static class EmulatorCommandLine
{
    public const int DefaultPort = 5555;

    // The intents Discord calls privileged; only they can be enabled or disabled "in the Developer Portal".
    private const long PrivilegedIntents = 2 | 256 | 32768;

    public const string Usage =
        """
        Disgo emulator: a local Discord (gateway + REST) on 127.0.0.1 that enforces Discord's documented rules.

        Usage: Disgo.Emulator [options]

        Options:
          --port <p>                  Loopback port; 0 picks a free one (default 5555).
          --token <t>                 The bot token clients must present (default disgo-emulator-token).
          --guilds <n>                Guilds the bot is in (default 300; 100,000+ works).
          --members <n>               Members per guild, the bot included (default 25).
          --max-concurrency <m>       Identifies per window and identify buckets (default 1).
          --heartbeat-ms <ms>         Heartbeat interval sent in Hello (default 41250).
          --identify-window-ms <ms>   Length of an identify window (default 5000).
          --session-start-total <k>   Session starts per 24 h (default 1000).
          --privileged-intents <mask> Privileged intents enabled for the bot: a sum of 2 (GUILD_MEMBERS),
                                      256 (GUILD_PRESENCES) and 32768 (MESSAGE_CONTENT); decimal or 0x hex
                                      (default 33026, all three).
          --events-per-second <r>     Emit MESSAGE_CREATE into random guilds at this rate (default 0, none).
          --rest-global-limit <n>     REST requests per second per bot across routes (default 50).
          --invalid-request-limit <n> Invalid REST requests (401, 403, 429) per 10 minutes before a ban
                                      (default 10000).
          -h, --help                  Show this help.

        Control endpoint (HTTP, loopback only), under /_emulator/:
          GET  sessions | connections | violations
          POST faults {"fault":"reconnect"|"invalid_session"|"close"|"zombie"|"resume_acks"|"drop"|"delay"|
                       "malformed"|"heartbeat_request"|"fail_resume", "session_id", "shard":[id,count],
                       "connection_id", "code", "resumable", "delay_ms", "enabled"}
          POST events/message {"guild_id", "channel_id", "content"}
          POST events/rate {"per_second"}
          GET  rest/requests | rest/invalid | rest/messages?channel_id=<id>
          POST rest/faults {"fault":"shared_429"|"server_error"|"html_error"|"truncated_json"|"delay"|"forbidden",
                            "route":"create_message"|..., "resource", "times", "retry_after", "status", "delay_ms"}
          POST rest/buckets {"route", "limit", "window_ms", "bucket"}
          POST rest/interactions {"guild_id", "channel_id", "name"}

        Stop with Ctrl+C or SIGTERM.
        """;

    // Beyond this the world's guild table alone would need gigabytes; Discord's largest bots are in the low millions.
    private const int MaxGuilds = 5_000_000;

    private static readonly Dictionary<string, Func<Settings, string, string, string?>> Appliers = new(StringComparer.Ordinal)
    {
        ["--port"] = (s, name, value) => ParseInt(name, value, 0, 65535, "a port from 0 to 65535", port => s.Options.Port = port),
        ["--token"] = (s, name, value) => string.IsNullOrWhiteSpace(value) || value.Any(char.IsWhiteSpace)
            ? $"Option {name} must be a non-empty token without spaces, got '{value}'."
            : Apply(() => s.Options.Token = value),
        ["--guilds"] = (s, name, value) => ParseInt(name, value, 0, MaxGuilds, $"a guild count from 0 to {MaxGuilds:N0}", n => s.Options.GuildCount = n),
        ["--members"] = (s, name, value) => ParseInt(name, value, 1, int.MaxValue, "a member count of 1 or more (the bot is a member)", n => s.Options.MembersPerGuild = n),
        ["--max-concurrency"] = (s, name, value) => ParseInt(name, value, 1, int.MaxValue, "a concurrency of 1 or more", n => s.Options.MaxConcurrency = n),
        ["--heartbeat-ms"] = (s, name, value) =>
            ParseInt(name, value, 1, int.MaxValue, "a positive number of milliseconds", ms => s.Options.HeartbeatInterval = TimeSpan.FromMilliseconds(ms)),
        ["--identify-window-ms"] = (s, name, value) =>
            ParseInt(name, value, 1, int.MaxValue, "a positive number of milliseconds", ms => s.Options.IdentifyWindow = TimeSpan.FromMilliseconds(ms)),
        ["--session-start-total"] = (s, name, value) => ParseInt(name, value, 1, int.MaxValue, "a session start count of 1 or more", n => s.Options.SessionStartTotal = n),
        ["--privileged-intents"] = (s, name, value) => ParseIntentMask(name, value, mask => s.Options.AllowedPrivilegedIntents = mask),
        ["--events-per-second"] = (s, name, value) => ParseRate(name, value, rate => s.EventsPerSecond = rate),
        ["--rest-global-limit"] = (s, name, value) => ParseInt(name, value, 1, int.MaxValue, "a request count of 1 or more", n =>
            s.Options.RestLimits.Global = s.Options.RestLimits.Global with { Limit = n }),
        ["--invalid-request-limit"] = (s, name, value) =>
            ParseInt(name, value, 1, int.MaxValue, "a request count of 1 or more", n => s.Options.RestLimits.InvalidRequestLimit = n),
    };

    /// <summary>Parses <paramref name="args"/> into emulator options (defaults for anything not given).</summary>
    public static ParsedCommandLine Parse(IReadOnlyList<string> args)
    {
        var settings = new Settings();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help" or "-?")
                return ParsedCommandLine.Help;
            if (!arg.StartsWith("--", StringComparison.Ordinal))
                return ParsedCommandLine.Fail($"Unexpected argument '{arg}': options start with --.");

            var (name, value) = SplitInlineValue(arg);
            if (!Appliers.TryGetValue(name, out var apply))
                return ParsedCommandLine.Fail($"Unknown option '{name}'.");
            if (!seen.Add(name))
                return ParsedCommandLine.Fail($"Option {name} is given more than once.");
            if (value is null)
            {
                if (i + 1 >= args.Count || Appliers.ContainsKey(SplitInlineValue(args[i + 1]).Name))
                    return ParsedCommandLine.Fail($"Option {name} needs a value.");
                value = args[++i];
            }

            if (apply(settings, name, value) is { } error)
                return ParsedCommandLine.Fail(error);
        }

        if (settings.EventsPerSecond > 0 && settings.Options.GuildCount == 0)
            return ParsedCommandLine.Fail("Option --events-per-second needs guilds to emit events in, but --guilds is 0.");

        try
        {
            settings.Options.Validate();
        }
        catch (ArgumentException exception)
        {
            return ParsedCommandLine.Fail(exception.Message);
        }

        return new ParsedCommandLine(settings.Options, settings.EventsPerSecond, HelpRequested: false, Error: null);
    }

    private static (string Name, string? Value) SplitInlineValue(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (arg, null) : (arg[..equals], arg[(equals + 1)..]);
    }

    private static string? ParseInt(string name, string value, int min, int max, string expected, Action<int> apply)
    {
        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result) && result >= min && result <= max)
            return Apply(() => apply(result));
        return $"Option {name} must be {expected}, got '{value}'.";
    }

    private static string? ParseIntentMask(string name, string value, Action<long> apply)
    {
        var parsed = value.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? long.TryParse(value.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var mask)
            : long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out mask);
        if (parsed && (mask & ~PrivilegedIntents) == 0)
            return Apply(() => apply(mask));
        return $"Option {name} must be a sum of the privileged intents 2 (GUILD_MEMBERS), 256 (GUILD_PRESENCES) and 32768 (MESSAGE_CONTENT), got '{value}'.";
    }

    private static string? ParseRate(string name, string value, Action<double> apply)
    {
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate)
            && double.IsFinite(rate) && rate >= 0 && rate <= EventSource.MaxEventsPerSecond)
        {
            return Apply(() => apply(rate));
        }

        return $"Option {name} must be a rate from 0 to {EventSource.MaxEventsPerSecond:N0} events per second, got '{value}'.";
    }

    private static string? Apply(Action apply)
    {
        apply();
        return null;
    }

    /// <summary>What the arguments set so far.</summary>
    private sealed class Settings
    {
        public EmulatorOptions Options { get; } = new() { Port = DefaultPort };

        public double EventsPerSecond { get; set; }
    }
}

/// <summary>A parsed command line: options to run with, a request for help, or the reason the arguments are wrong.</summary>
internal sealed record ParsedCommandLine(EmulatorOptions? Options, double EventsPerSecond, bool HelpRequested, string? Error)
{
    public static ParsedCommandLine Help { get; } = new(null, 0, HelpRequested: true, Error: null);

    public static ParsedCommandLine Fail(string error) => new(null, 0, HelpRequested: false, error);
}
