using System.Diagnostics;
using Disgo.Emulator.Tests.Infrastructure;

namespace Disgo.Emulator.Tests.Cli;

/// <summary>Starts the built emulator as its own process, the way a user runs it, and reads the URLs it prints.</summary>
internal static class EmulatorProcess
{
    public static Process Start(params string[] args)
    {
        var assembly = typeof(DiscordEmulator).Assembly.Location;
        Assert.True(File.Exists(Path.ChangeExtension(assembly, ".runtimeconfig.json")), $"{assembly} has no runtimeconfig.json next to it.");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the emulator process.");
    }

    /// <summary>Reads "Name: value" lines until the control URL, the last of the URLs the CLI prints.</summary>
    public static async Task<Dictionary<string, string>> ReadUrlsAsync(Process process)
    {
        var urls = new Dictionary<string, string>(StringComparer.Ordinal);
        while (!urls.ContainsKey("Control URL"))
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(RawGatewayClient.SafetyTimeout)
                ?? throw new Xunit.Sdk.XunitException($"The emulator exited before printing its URLs: {await process.StandardError.ReadToEndAsync()}");
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
                urls[line[..colon]] = line[(colon + 1)..].Trim();
        }

        return urls;
    }
}
