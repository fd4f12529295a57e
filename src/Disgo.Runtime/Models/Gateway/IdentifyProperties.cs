namespace Disgo.Models.Gateway;

/// <summary>The <c>properties</c> of Identify: the operating system and the library (as browser and device).</summary>
public sealed class IdentifyProperties
{
    public string Os { get; init; } = "";

    public string Browser { get; init; } = "";

    public string Device { get; init; } = "";

    /// <summary>This machine's operating system, with Disgo as browser and device.</summary>
    public static IdentifyProperties Default { get; } = new()
    {
        Os = CurrentOs(),
        Browser = "Disgo",
        Device = "Disgo",
    };

    private static string CurrentOs() =>
        OperatingSystem.IsLinux() ? "linux"
        : OperatingSystem.IsWindows() ? "windows"
        : OperatingSystem.IsMacOS() ? "macos"
        : OperatingSystem.IsFreeBSD() ? "freebsd"
        : "unknown";
}
