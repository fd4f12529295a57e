namespace Disgo.Emulator.Gateway;

/// <summary>What the frame writer sends next.</summary>
internal enum OutboundKind
{
    /// <summary>A complete JSON payload (Hello, ACK, op 7, op 9, ...).</summary>
    Payload,

    /// <summary>A dispatch with its session sequence number.</summary>
    Dispatch,

    /// <summary>A batch of copies of one dispatch (the fast path).</summary>
    Stream,

    /// <summary>The close frame; nothing is sent after it.</summary>
    Close,
}

/// <summary>One item in a connection's outgoing queue. <see cref="DueAt"/> is non-zero while frames are being delayed.</summary>
internal readonly record struct OutboundFrame(
    OutboundKind Kind,
    byte[]? Payload = null,
    PreEncodedDispatch? Dispatch = null,
    long Sequence = 0,
    StreamBatch? Batch = null,
    int CloseCode = 0,
    string? CloseReason = null,
    long DueAt = 0)
{
    /// <summary>How many payloads this item puts on the wire.</summary>
    public int PayloadCount => Kind == OutboundKind.Stream ? Batch!.Count : 1;
}
