using Disgo.Emulator.Events;
using Disgo.Emulator.Gateway;
using Disgo.Emulator.Observation;
using Disgo.Emulator.Rest;
using Disgo.Emulator.World;

namespace Disgo.Emulator;

/// <summary>The emulator's parts, created once per emulator and shared by its endpoints.</summary>
internal sealed class EmulatorServices
{
    public EmulatorServices(EmulatorOptions options)
    {
        Options = options;
        Time = options.TimeProvider;
        World = new EmulatedWorld(options);
        Observations = new ObservationLog();
        SessionStartBudget = new SessionStartBudget(options);
        Gateway = new GatewayHub(this);
        Events = new EventSource(this);
        Rest = new RestHub(this);
    }

    public EmulatorOptions Options { get; }

    public TimeProvider Time { get; }

    public EmulatedWorld World { get; }

    public ObservationLog Observations { get; }

    public SessionStartBudget SessionStartBudget { get; }

    public GatewayHub Gateway { get; }

    public EventSource Events { get; }

    public RestHub Rest { get; }

    /// <summary>The running emulator, for the URLs it hands out; set once the listener is bound.</summary>
    public DiscordEmulator Emulator { get; private set; } = null!;

    public void Attach(DiscordEmulator emulator) => Emulator = emulator;
}
