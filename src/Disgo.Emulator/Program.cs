using System.Runtime.InteropServices;
using Disgo.Emulator.Control;

namespace Disgo.Emulator;

/// <summary>
/// The emulator's command line: starts a local Discord, prints where to reach it, and runs until Ctrl+C or SIGTERM.
/// Exit codes: 0 after a clean stop or --help, 1 when the emulator cannot start (e.g. the port is taken),
/// 2 for bad arguments.
/// </summary>
internal static class EmulatorProgram
{
    public const int ExitOk = 0;
    public const int ExitStartFailed = 1;
    public const int ExitBadArguments = 2;

    public static async Task<int> Main(string[] args)
    {
        var commandLine = EmulatorCommandLine.Parse(args);
        if (commandLine.HelpRequested)
        {
            Console.Out.WriteLine(EmulatorCommandLine.Usage);
            return ExitOk;
        }

        if (commandLine.Options is not { } options)
        {
            await Console.Error.WriteLineAsync($"Disgo.Emulator: {commandLine.Error}{Environment.NewLine}Run with --help for the options.").ConfigureAwait(false);
            return ExitBadArguments;
        }

        using var stopping = new CancellationTokenSource();
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => RequestStop(context, stopping));
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => RequestStop(context, stopping));

        DiscordEmulator emulator;
        try
        {
            emulator = await DiscordEmulator.StartAsync(options, cancellationToken: stopping.Token).ConfigureAwait(false);
        }
        catch (IOException exception)
        {
            await Console.Error.WriteLineAsync($"Disgo.Emulator: cannot listen on 127.0.0.1:{options.Port}: {exception.Message}").ConfigureAwait(false);
            return ExitStartFailed;
        }
        catch (OperationCanceledException)
        {
            return ExitOk;
        }

        await using (emulator.ConfigureAwait(false))
        {
            if (commandLine.EventsPerSecond > 0)
                emulator.Events.Start(commandLine.EventsPerSecond);

            Console.WriteLine($"REST base URL: {emulator.RestBaseUrl}");
            Console.WriteLine($"Gateway URL:   {emulator.GatewayUrl}");
            Console.WriteLine($"Control URL:   {new Uri(emulator.BaseAddress, ControlEndpoints.Prefix + "/")}");
            Console.WriteLine($"Token:         {options.Token} ({options.GuildCount} guilds, max_concurrency {options.MaxConcurrency}). Ctrl+C to stop.");

            try
            {
                await Task.Delay(Timeout.Infinite, stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("Stopping.");
            }
        }

        return ExitOk;
    }

    // Cancel the default termination so the emulator can close its connections and exit with 0.
    private static void RequestStop(PosixSignalContext context, CancellationTokenSource stopping)
    {
        context.Cancel = true;
        stopping.Cancel();
    }
}
