namespace Disgo.Emulator;

/// <summary>The emulator's command line: starts a local Discord and runs until stopped.</summary>
internal static class EmulatorProgram
{
    public static async Task<int> Main(string[] args)
    {
        _ = args;
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { Port = 5555 }).ConfigureAwait(false);
        Console.WriteLine($"REST base URL: {emulator.RestBaseUrl}");
        Console.WriteLine($"Gateway URL:   {emulator.GatewayUrl}");
        await Task.Delay(Timeout.Infinite).ConfigureAwait(false);
        return 0;
    }
}
