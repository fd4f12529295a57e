namespace Disgo;

/// <summary>
/// A Discord gateway session (READY's <c>session_id</c>). Code holds this ID rather than a session object: a session
/// outlives its connections and is replaced when re-identified, so the runtime resolves the ID when it is used.
/// <see langword="default"/> is <see cref="None"/>.
/// </summary>
public readonly record struct SessionId
{
    private readonly string? _value;

    /// <exception cref="ArgumentException"><paramref name="value"/> is null or empty.</exception>
    public SessionId(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        _value = value;
    }

    /// <summary>No session: e.g. for READY, the event that announces one.</summary>
    public static SessionId None => default;

    /// <summary>The <c>session_id</c>; empty for <see cref="None"/>.</summary>
    public string Value => _value ?? "";

    public bool IsNone => _value is null;

    public override string ToString() => Value;
}
