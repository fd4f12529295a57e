namespace Disgo.Emulator.Rest;

/// <summary><see cref="Limit"/> requests per <see cref="Window"/>: the size of one rate-limit bucket.</summary>
public readonly record struct RouteRate(int Limit, TimeSpan Window)
{
    /// <summary>Throws a clear error when the rate cannot be enforced.</summary>
    public void Validate(string option)
    {
        if (Limit < 1)
            throw new ArgumentException($"Emulator option {option} must allow at least 1 request, got {Limit}.", option);
        if (Window <= TimeSpan.Zero)
            throw new ArgumentException($"Emulator option {option} must have a positive window, got {Window}.", option);
    }
}
