using System.Diagnostics;
using System.Text.Json;
using Disgo.Emulator.Gateway;
using Disgo.Emulator.Observation;

namespace Disgo.Emulator.Control;

/// <summary>
/// The body of <c>POST /_emulator/faults</c>: which fault (<c>fault</c>, with its own parameters) and which
/// connections it hits (<c>session_id</c>, <c>shard</c>, <c>connection_id</c>; none of them means every connection).
/// </summary>
internal sealed record FaultRequest(string Name, GatewayFault Fault, FaultTarget Target)
{
    /// <summary>Longest delay a request may ask for; a longer one is a dead connection, which "drop" already covers.</summary>
    public const int MaxDelayMilliseconds = 600_000;

    // Each fault and the parameters it takes, so a misplaced or misspelt parameter is an error rather than ignored.
    private static readonly Dictionary<string, string[]> ParametersOf = new(StringComparer.Ordinal)
    {
        ["reconnect"] = [],
        ["invalid_session"] = ["resumable"],
        ["close"] = ["code"],
        ["zombie"] = [],
        ["resume_acks"] = [],
        ["drop"] = [],
        ["delay"] = ["delay_ms"],
        ["malformed"] = [],
        ["heartbeat_request"] = [],
        ["fail_resume"] = ["enabled"],
    };

    private static readonly string[] TargetProperties = ["fault", "session_id", "shard", "connection_id"];

    public static string KnownFaults => string.Join(", ", ParametersOf.Keys);

    /// <summary>Reads the request; on failure returns a message naming the property that is wrong.</summary>
    public static (FaultRequest? Request, string? Error) Parse(JsonElement body)
    {
        if (!body.TryGetProperty("fault", out var faultElement))
            return (null, $"'fault' is missing; use one of: {KnownFaults}.");
        if (ControlJson.TryGetString(faultElement, "fault", out var name) is { } nameError)
            return (null, nameError);
        if (!ParametersOf.TryGetValue(name, out var parameters))
            return (null, $"Unknown fault '{name}'; use one of: {KnownFaults}.");

        foreach (var property in body.EnumerateObject())
        {
            if (Array.IndexOf(TargetProperties, property.Name) < 0 && Array.IndexOf(parameters, property.Name) < 0)
            {
                return (null, parameters.Length == 0
                    ? $"'{property.Name}' does not apply to the fault '{name}', which takes no parameters."
                    : $"'{property.Name}' does not apply to the fault '{name}', which takes: {string.Join(", ", parameters)}.");
            }
        }

        if (CreateFault(name, body, out var fault) is { } faultError)
            return (null, faultError);
        if (ParseTarget(body, out var target) is { } targetError)
            return (null, targetError);
        return (new FaultRequest(name, fault!, target), null);
    }

    private static string? CreateFault(string name, JsonElement body, out GatewayFault? fault)
    {
        fault = null;
        switch (name)
        {
            case "invalid_session":
                if (OptionalBoolean(body, "resumable", defaultValue: false, out var resumable) is { } resumableError)
                    return resumableError;
                fault = new GatewayFault.InvalidSession(resumable);
                return null;
            case "fail_resume":
                if (OptionalBoolean(body, "enabled", defaultValue: true, out var enabled) is { } enabledError)
                    return enabledError;
                fault = new GatewayFault.FailResumeHandshakes(enabled);
                return null;
            case "close":
                return ParseClose(body, out fault);
            case "delay":
                return ParseDelay(body, out fault);
            default:
                fault = name switch
                {
                    "reconnect" => new GatewayFault.Reconnect(),
                    "zombie" => new GatewayFault.StopHeartbeatAcks(),
                    "resume_acks" => new GatewayFault.ResumeHeartbeatAcks(),
                    "drop" => new GatewayFault.DropConnection(),
                    "malformed" => new GatewayFault.MalformedFrame(),
                    "heartbeat_request" => new GatewayFault.RequestHeartbeat(),
                    _ => throw new UnreachableException($"The fault '{name}' is listed without being built."),
                };
                return null;
        }
    }

    private static string? ParseClose(JsonElement body, out GatewayFault? fault)
    {
        fault = null;
        if (!body.TryGetProperty("code", out var codeElement))
            return "'code' is missing; the fault 'close' needs the close code to send (e.g. 4000).";
        if (ControlJson.TryGetInt(codeElement, "code", 1000, 4999, out var code) is { } error)
            return error;

        // RFC 6455 reserves these: they describe a missing or failed close and never appear in a close frame.
        if (code is 1004 or 1005 or 1006 or 1015)
            return $"'code' {code} cannot be sent in a close frame (RFC 6455 reserves it); use 1000-4999 except 1004, 1005, 1006 and 1015.";
        fault = new GatewayFault.Close(code);
        return null;
    }

    private static string? ParseDelay(JsonElement body, out GatewayFault? fault)
    {
        fault = null;
        if (!body.TryGetProperty("delay_ms", out var delayElement))
            return "'delay_ms' is missing; the fault 'delay' needs how long to hold outgoing frames back.";
        if (ControlJson.TryGetInt(delayElement, "delay_ms", 0, MaxDelayMilliseconds, out var delay) is { } error)
            return error;
        fault = new GatewayFault.DelayFrames(TimeSpan.FromMilliseconds(delay));
        return null;
    }

    private static string? ParseTarget(JsonElement body, out FaultTarget target)
    {
        target = default;
        string? sessionId = null;
        long? connectionId = null;
        ShardTuple? shard = null;
        if (body.TryGetProperty("session_id", out var sessionElement))
        {
            if (ControlJson.TryGetString(sessionElement, "session_id", out var value) is { } error)
                return error;
            if (value.Length == 0)
                return "'session_id' must not be empty.";
            sessionId = value;
        }

        if (body.TryGetProperty("connection_id", out var connectionElement))
        {
            if (connectionElement.ValueKind != JsonValueKind.Number || !connectionElement.TryGetInt64(out var value) || value < 1)
                return $"'connection_id' must be a positive integer (see GET /_emulator/connections), got {connectionElement.GetRawText()}.";
            connectionId = value;
        }

        if (body.TryGetProperty("shard", out var shardElement))
        {
            if (!TryReadShard(shardElement, out var value))
                return $"'shard' must be [shard_id, num_shards] with 0 <= shard_id < num_shards, got {shardElement.GetRawText()}.";
            shard = value;
        }

        target = new FaultTarget(connectionId, sessionId, shard);
        return null;
    }

    private static bool TryReadShard(JsonElement element, out ShardTuple shard)
    {
        shard = default;
        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() != 2
            || element[0].ValueKind != JsonValueKind.Number || element[1].ValueKind != JsonValueKind.Number
            || !element[0].TryGetInt32(out var id) || !element[1].TryGetInt32(out var count)
            || count < 1 || id < 0 || id >= count)
        {
            return false;
        }

        shard = new ShardTuple(id, count);
        return true;
    }

    private static string? OptionalBoolean(JsonElement body, string property, bool defaultValue, out bool value)
    {
        value = defaultValue;
        return body.TryGetProperty(property, out var element) ? ControlJson.TryGetBoolean(element, property, out value) : null;
    }
}
