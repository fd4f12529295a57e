using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Disgo.Emulator.Tests.Infrastructure;
using Disgo.Emulator.Tests.Rest;

namespace Disgo.Emulator.Tests.Cli;

/// <summary>Runs the built emulator as a separate process, exactly as a user would from the command line.</summary>
public sealed class CliProcessTests
{
    [Fact]
    public async Task The_cli_prints_its_urls_serves_gateway_bot_and_stops_cleanly_on_sigterm()
    {
        using var process = EmulatorProcess.Start("--port", "0", "--guilds", "1500", "--token", "cli-token", "--max-concurrency", "4");
        try
        {
            var urls = await EmulatorProcess.ReadUrlsAsync(process);

            var call = await RestCall.GetAsync($"{urls["REST base URL"]}/gateway/bot", "Bot cli-token");
            var sessions = await RestCall.GetAsync($"{urls["Control URL"]}sessions");

            Assert.Equal(HttpStatusCode.OK, call.Status);
            Assert.Equal(urls["Gateway URL"], call.Json.GetProperty("url").GetString());
            Assert.Equal(2, call.Json.GetProperty("shards").GetInt32());
            Assert.Equal(4, call.Json.GetProperty("session_start_limit").GetProperty("max_concurrency").GetInt32());
            Assert.Equal("[]", sessions.Body);
            Assert.Matches(@"^http://127\.0\.0\.1:\d+/api/v10$", urls["REST base URL"]);
            Assert.Matches(@"^ws://127\.0\.0\.1:\d+/gateway$", urls["Gateway URL"]);

            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(0, SendSigterm(process.Id));
                await process.WaitForExitAsync().WaitAsync(RawGatewayClient.SafetyTimeout);
                Assert.Equal(0, process.ExitCode);
            }
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
    }

    [Theory]
    [InlineData(new[] { "--port", "banana" }, "Option --port must be a port from 0 to 65535, got 'banana'.")]
    [InlineData(new[] { "--what" }, "Unknown option '--what'.")]
    public async Task Bad_arguments_exit_with_2_and_a_message_on_stderr(string[] args, string expected)
    {
        using var process = EmulatorProcess.Start(args);
        try
        {
            var stderr = await process.StandardError.ReadToEndAsync().WaitAsync(RawGatewayClient.SafetyTimeout);
            await process.WaitForExitAsync().WaitAsync(RawGatewayClient.SafetyTimeout);

            Assert.Equal(2, process.ExitCode);
            Assert.Contains(expected, stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task A_port_that_is_taken_exits_with_1_and_says_so()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;
        using var process = EmulatorProcess.Start("--port", port.ToString(CultureInfo.InvariantCulture));
        try
        {
            var stderr = await process.StandardError.ReadToEndAsync().WaitAsync(RawGatewayClient.SafetyTimeout);
            await process.WaitForExitAsync().WaitAsync(RawGatewayClient.SafetyTimeout);

            Assert.Equal(1, process.ExitCode);
            Assert.Contains($"cannot listen on 127.0.0.1:{port}", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task Help_prints_the_usage_and_exits_with_0()
    {
        using var process = EmulatorProcess.Start("--help");
        try
        {
            var stdout = await process.StandardOutput.ReadToEndAsync().WaitAsync(RawGatewayClient.SafetyTimeout);
            await process.WaitForExitAsync().WaitAsync(RawGatewayClient.SafetyTimeout);

            Assert.Equal(0, process.ExitCode);
            Assert.Contains("--identify-window-ms", stdout, StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    private static int SendSigterm(int pid) => SendSignal(pid, 15);
}
