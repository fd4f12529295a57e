using System.Diagnostics;

namespace Disgo.Emulator.Tests.Cli;

/// <summary>
/// A client that shares no code with Disgo (Node's built-in WebSocket, tests/interop/raw-gateway-client.mjs) runs
/// Hello, heartbeat, Identify, READY and GUILD_CREATE against the command-line emulator, checks shard routing for
/// several shard counts and provokes each documented close code it can cause.
/// </summary>
public sealed class IndependentClientTests
{
    private const int Guilds = 2_600;

    [Fact]
    public async Task An_independent_node_client_sees_correct_routing_and_every_close_code()
    {
        using var emulator = EmulatorProcess.Start(
            "--port", "0", "--guilds", $"{Guilds}", "--max-concurrency", "16", "--identify-window-ms", "10",
            "--privileged-intents", "256");
        try
        {
            var urls = await EmulatorProcess.ReadUrlsAsync(emulator);
            var client = new ProcessStartInfo("node")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { "--experimental-websocket", "--no-warnings", ScriptPath(), urls["Gateway URL"], "disgo-emulator-token", $"{Guilds}" })
                client.ArgumentList.Add(arg);

            using var node = Process.Start(client) ?? throw new InvalidOperationException("Could not start node.");
            var output = node.StandardOutput.ReadToEndAsync();
            var errors = node.StandardError.ReadToEndAsync();
            await node.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

            Assert.True(node.ExitCode == 0, $"The independent client failed:\n{await output}\n{await errors}");
            var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(3, lines.Count(line => line.StartsWith("ok routing", StringComparison.Ordinal)));
            foreach (var code in new[] { 4001, 4002, 4003, 4004, 4005, 4008, 4010, 4011, 4012, 4013, 4014 })
                Assert.Contains($"ok close {code}", lines);
        }
        finally
        {
            if (!emulator.HasExited)
                emulator.Kill(entireProcessTree: true);
        }
    }

    // The script is copied next to the test binaries by the test project.
    private static string ScriptPath() => Path.Combine(AppContext.BaseDirectory, "interop", "raw-gateway-client.mjs");
}
