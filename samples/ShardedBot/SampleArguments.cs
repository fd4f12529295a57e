using System.Globalization;

namespace ShardedBot;

/// <summary>The sample's one option: <c>--duration &lt;seconds&gt;</c>, after which it stops by itself.</summary>
public static class SampleArguments
{
    public static TimeSpan? ParseDuration(string[] args)
    {
        if (args.Length == 0)
            return null;
        if (args.Length != 2 || args[0] != "--duration")
            throw new ArgumentException($"Unknown arguments '{string.Join(' ', args)}'. The only option is --duration <seconds>.");
        if (!double.TryParse(args[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
            throw new ArgumentException($"--duration needs a positive number of seconds, e.g. --duration 30; got '{args[1]}'.");
        return TimeSpan.FromSeconds(seconds);
    }
}
