namespace Disgo.Emulator.Tests.Cli;

public sealed class EmulatorCommandLineTests
{
    [Fact]
    public void No_arguments_give_port_5555_and_the_option_defaults()
    {
        var parsed = EmulatorCommandLine.Parse([]);

        var options = Assert.IsType<EmulatorOptions>(parsed.Options);
        var defaults = new EmulatorOptions();
        Assert.Equal(5555, options.Port);
        Assert.Equal(defaults.Token, options.Token);
        Assert.Equal(defaults.GuildCount, options.GuildCount);
        Assert.Equal(defaults.MaxConcurrency, options.MaxConcurrency);
        Assert.Equal(defaults.HeartbeatInterval, options.HeartbeatInterval);
        Assert.Equal(defaults.AllowedPrivilegedIntents, options.AllowedPrivilegedIntents);
        Assert.Equal(0, parsed.EventsPerSecond);
        Assert.Null(parsed.Error);
        Assert.False(parsed.HelpRequested);
    }

    [Fact]
    public void Every_option_sets_its_emulator_option()
    {
        var parsed = EmulatorCommandLine.Parse(
        [
            "--port", "0", "--token", "abc.def", "--guilds", "100000", "--members", "7", "--max-concurrency", "16",
            "--heartbeat-ms", "1500", "--identify-window-ms", "250", "--session-start-total", "42",
            "--privileged-intents", "0x8000", "--events-per-second", "12.5", "--rest-global-limit", "120",
            "--invalid-request-limit", "50",
        ]);

        var options = Assert.IsType<EmulatorOptions>(parsed.Options);
        Assert.Equal(0, options.Port);
        Assert.Equal("abc.def", options.Token);
        Assert.Equal(100_000, options.GuildCount);
        Assert.Equal(7, options.MembersPerGuild);
        Assert.Equal(16, options.MaxConcurrency);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), options.HeartbeatInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.IdentifyWindow);
        Assert.Equal(42, options.SessionStartTotal);
        Assert.Equal(32768, options.AllowedPrivilegedIntents);
        Assert.Equal(12.5, parsed.EventsPerSecond);
        Assert.Equal(new Disgo.Emulator.Rest.RouteRate(120, TimeSpan.FromSeconds(1)), options.RestLimits.Global);
        Assert.Equal(50, options.RestLimits.InvalidRequestLimit);
    }

    [Fact]
    public void Values_can_follow_an_equals_sign()
    {
        var options = EmulatorCommandLine.Parse(["--port=6000", "--privileged-intents=258", "--token=a=b"]).Options!;

        Assert.Equal(6000, options.Port);
        Assert.Equal(258, options.AllowedPrivilegedIntents);
        Assert.Equal("a=b", options.Token);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_is_recognised_anywhere(string flag)
    {
        var parsed = EmulatorCommandLine.Parse(["--port", "1", flag, "--bogus"]);

        Assert.True(parsed.HelpRequested);
        Assert.Null(parsed.Options);
    }

    [Theory]
    [InlineData(new[] { "--bogus" }, "Unknown option '--bogus'.")]
    [InlineData(new[] { "port" }, "Unexpected argument 'port'")]
    [InlineData(new[] { "--port" }, "Option --port needs a value.")]
    [InlineData(new[] { "--token", "--guilds", "3" }, "Option --token needs a value.")]
    [InlineData(new[] { "--port", "70000" }, "Option --port must be a port from 0 to 65535, got '70000'.")]
    [InlineData(new[] { "--port", "-1" }, "Option --port must be a port from 0 to 65535, got '-1'.")]
    [InlineData(new[] { "--port", "12ab" }, "Option --port must be a port from 0 to 65535, got '12ab'.")]
    [InlineData(new[] { "--port", "1", "--port", "2" }, "Option --port is given more than once.")]
    [InlineData(new[] { "--guilds", "-5" }, "Option --guilds must be a guild count from 0 to")]
    [InlineData(new[] { "--guilds", "99999999999" }, "Option --guilds must be a guild count from 0 to")]
    [InlineData(new[] { "--members", "0" }, "Option --members must be a member count of 1 or more")]
    [InlineData(new[] { "--max-concurrency", "0" }, "Option --max-concurrency must be a concurrency of 1 or more, got '0'.")]
    [InlineData(new[] { "--heartbeat-ms", "0" }, "Option --heartbeat-ms must be a positive number of milliseconds, got '0'.")]
    [InlineData(new[] { "--identify-window-ms", "soon" }, "Option --identify-window-ms must be a positive number of milliseconds, got 'soon'.")]
    [InlineData(new[] { "--session-start-total", "0" }, "Option --session-start-total must be a session start count of 1 or more, got '0'.")]
    [InlineData(new[] { "--privileged-intents", "1" }, "Option --privileged-intents must be a sum of the privileged intents")]
    [InlineData(new[] { "--privileged-intents", "0xZZ" }, "Option --privileged-intents must be a sum of the privileged intents")]
    [InlineData(new[] { "--events-per-second", "-1" }, "Option --events-per-second must be a rate from 0 to")]
    [InlineData(new[] { "--events-per-second", "NaN" }, "Option --events-per-second must be a rate from 0 to")]
    [InlineData(new[] { "--token", "has space" }, "Option --token must be a non-empty token without spaces")]
    [InlineData(new[] { "--token", "" }, "Option --token must be a non-empty token without spaces")]
    [InlineData(new[] { "--guilds", "0", "--events-per-second", "5" }, "Option --events-per-second needs guilds to emit events in, but --guilds is 0.")]
    public void Bad_arguments_give_a_precise_error_and_no_options(string[] args, string expected)
    {
        var parsed = EmulatorCommandLine.Parse(args);

        Assert.Null(parsed.Options);
        Assert.StartsWith(expected, parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_usage_text_names_every_option()
    {
        foreach (var option in new[]
        {
            "--port", "--token", "--guilds", "--members", "--max-concurrency", "--heartbeat-ms", "--identify-window-ms",
            "--session-start-total", "--privileged-intents", "--events-per-second", "--rest-global-limit",
            "--invalid-request-limit", "--help",
        })
        {
            Assert.Contains(option, EmulatorCommandLine.Usage, StringComparison.Ordinal);
        }
    }
}
