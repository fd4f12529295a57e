namespace Disgo.Emulator.Rest;

/// <summary>One REST request the emulator answered.</summary>
/// <param name="Id">Increasing from 1 in arrival order.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path as requested (without the query).</param>
/// <param name="Route">The route it matched, or null for unknown routes.</param>
/// <param name="Resource">The top-level resource its bucket is keyed by (channel, guild, webhook id and token), if any.</param>
/// <param name="Status">The HTTP status answered.</param>
/// <param name="Scope">On a 429: <c>user</c>, <c>global</c> or <c>shared</c>.</param>
/// <param name="Invalid">Whether Discord counts it towards the invalid-request ban.</param>
/// <param name="At">When it was answered, on the emulator's clock.</param>
public sealed record RestRequestRecord(
    long Id, string Method, string Path, ApiRoute? Route, string? Resource, int Status, string? Scope, bool Invalid, DateTimeOffset At);
