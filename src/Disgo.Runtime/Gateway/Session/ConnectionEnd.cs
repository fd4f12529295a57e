namespace Disgo.Gateway.Session;

/// <summary>How one connection ended.</summary>
/// <param name="Reason">What ended it.</param>
/// <param name="CloseCode">The close code involved, sent by the server or by the client.</param>
/// <param name="Error">The failure behind it, if any.</param>
/// <param name="Url">Where the connection went (or tried to go).</param>
/// <param name="ToResumeUrl">Whether <paramref name="Url"/> was the session's resume URL.</param>
/// <param name="Proven">Whether the connection had worked: authenticated, then a heartbeat acknowledged.</param>
internal readonly record struct ConnectionEnd(ConnectionEndReason Reason, int? CloseCode, Exception? Error, Uri Url, bool ToResumeUrl, bool Proven);
