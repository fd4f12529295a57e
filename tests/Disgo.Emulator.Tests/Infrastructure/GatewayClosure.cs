namespace Disgo.Emulator.Tests.Infrastructure;

/// <summary>How a connection ended, as the client saw it.</summary>
/// <param name="Code">The close code from the server's close frame; null when no close frame arrived.</param>
/// <param name="Reason">The close frame's reason text, or what went wrong at the transport.</param>
/// <param name="Abrupt">True when the connection ended without a close frame (TCP dropped).</param>
public sealed record GatewayClosure(int? Code, string? Reason, bool Abrupt);
