namespace Disgo.Emulator.Tests.Infrastructure;

/// <summary>The <c>compress</c> query parameter: Discord's transport compression modes.</summary>
public enum GatewayCompression
{
    None,
    ZlibStream,
    ZstdStream,
}
