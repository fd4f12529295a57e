using System.Net;
using Disgo.Emulator.Control;
using Disgo.Emulator.Events;
using Disgo.Emulator.Gateway;
using Disgo.Emulator.Observation;
using Disgo.Emulator.Rest;
using Disgo.Emulator.World;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Disgo.Emulator;

/// <summary>
/// A local Discord on 127.0.0.1: the REST routes a bot needs to start, the gateway with Discord's rules,
/// fault injection and a log of everything it saw. Start one per test; it is cheap.
/// </summary>
public sealed class DiscordEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DiscordEmulator(EmulatorOptions options, WebApplication app, Uri baseAddress)
    {
        Options = options;
        _app = app;
        BaseAddress = baseAddress;
        RestBaseUrl = new Uri(baseAddress, "api/v10");
        GatewayUrl = new Uri($"ws://{baseAddress.Authority}{GatewayEndpoints.GatewayPath}");
        ResumeGatewayUrl = new Uri($"ws://{baseAddress.Authority}{GatewayEndpoints.ResumePath}");
    }

    public EmulatorOptions Options { get; }

    /// <summary>The HTTP root, e.g. <c>http://127.0.0.1:5555/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The REST base a client uses instead of <c>https://discord.com/api/v10</c>.</summary>
    public Uri RestBaseUrl { get; }

    /// <summary>The gateway URL that <c>GET /gateway/bot</c> hands out.</summary>
    public Uri GatewayUrl { get; }

    /// <summary>The <c>resume_gateway_url</c> that READY hands out: a different endpoint, as on Discord.</summary>
    public Uri ResumeGatewayUrl { get; }

    public EmulatedWorld World => Services.World;

    public GatewayHub Gateway => Services.Gateway;

    public SessionStartBudget SessionStartBudget => Services.SessionStartBudget;

    public ObservationLog Observations => Services.Observations;

    /// <summary>The REST side: requests answered, faults, bucket changes, the invalid-request count and interactions.</summary>
    public RestHub Rest => Services.Rest;

    /// <summary>Emits guild events (MESSAGE_CREATE and others) into the gateway, at a rate or one at a time.</summary>
    public EventSource Events => Services.Events;

    internal EmulatorServices Services => _app.Services.GetRequiredService<EmulatorServices>();

    /// <summary>Starts an emulator on loopback and returns once it accepts connections.</summary>
    public static async Task<DiscordEmulator> StartAsync(EmulatorOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            // Discord's own frame limits are enforced by the gateway; Kestrel must not cut requests first.
            kestrel.Limits.MaxRequestBodySize = 1024 * 1024;
        });
        builder.Services.AddRouting();
        builder.Services.AddSingleton(loggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<EmulatorServices>();

        var app = builder.Build();
        app.UseWebSockets();
        var services = app.Services.GetRequiredService<EmulatorServices>();
        GatewayEndpoints.Map(app, services);
        RestEndpoints.Map(app, services);
        ControlEndpoints.Map(app, services);

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var emulator = new DiscordEmulator(options, app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/"));
        services.Attach(emulator);
        return emulator;
    }

    /// <summary>Closes every connection and stops listening.</summary>
    public async ValueTask DisposeAsync()
    {
        await Gateway.ShutdownAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
