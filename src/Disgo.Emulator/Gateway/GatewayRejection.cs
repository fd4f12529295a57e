using Disgo.Emulator.Observation;

namespace Disgo.Emulator.Gateway;

/// <summary>A broken rule the gateway answers by closing: the close code, the violation to record (if the client is at fault) and why.</summary>
internal readonly record struct GatewayRejection(int CloseCode, ViolationKind? Violation, string Reason);
