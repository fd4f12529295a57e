namespace Disgo.Emulator.Tests.Infrastructure;

/// <summary>A receive found the connection already ended.</summary>
public sealed class GatewayClosedException(GatewayClosure closure)
    : Exception($"The gateway connection ended (close code {closure.Code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, abrupt: {closure.Abrupt}, reason: {closure.Reason}).")
{
    public GatewayClosure Closure { get; } = closure;
}
