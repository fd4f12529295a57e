using System.Diagnostics;
using System.Globalization;
using Disgo.Emulator;

namespace Disgo.Benchmarks.Sharding;

/// <summary>
/// The emulator in a child process (this program started with <see cref="Switch"/>), so that the memory measured in
/// the harness's process is the clients' alone.
/// </summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    public const string Switch = "--idle-shards-emulator";

    public const string Token = "idle-shards-token";

    private const string GatewayLinePrefix = "gateway ";

    private readonly Process _process;

    private EmulatorProcess(Process process, Uri gatewayUrl)
    {
        _process = process;
        GatewayUrl = gatewayUrl;
    }

    public Uri GatewayUrl { get; }

    public int ProcessId => _process.Id;

    public static async Task<EmulatorProcess> StartAsync(IdleShardsSettings settings)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        };
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
            start.ArgumentList.Add(typeof(EmulatorProcess).Assembly.Location);
        foreach (var argument in new[] { Switch, Invariant(settings.Shards), Invariant(settings.MaxConcurrency), Invariant((int)settings.Window.TotalMilliseconds) })
            start.ArgumentList.Add(argument);

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the emulator process.");
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(GatewayLinePrefix, StringComparison.Ordinal))
                return new EmulatorProcess(process, new Uri(line[GatewayLinePrefix.Length..]));
        }

        throw new InvalidOperationException($"The emulator process exited with code {process.ExitCode} before it was ready.");
    }

    /// <summary>The child's side: hosts the emulator until its standard input closes.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var shards = int.Parse(args[1], CultureInfo.InvariantCulture);
        var options = new EmulatorOptions
        {
            Token = Token,
            // One small guild per shard: READY is light and every shard holds what an idle shard of a real bot holds.
            GuildCount = shards,
            MembersPerGuild = 2,
            ChannelsPerGuild = 1,
            MaxConcurrency = int.Parse(args[2], CultureInfo.InvariantCulture),
            IdentifyWindow = TimeSpan.FromMilliseconds(int.Parse(args[3], CultureInfo.InvariantCulture)),
            SessionStartTotal = shards * 2,
        };
        await using var emulator = await DiscordEmulator.StartAsync(options);
        Console.WriteLine(GatewayLinePrefix + emulator.GatewayUrl);
        await Console.In.ReadToEndAsync();
        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        _process.Dispose();
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
