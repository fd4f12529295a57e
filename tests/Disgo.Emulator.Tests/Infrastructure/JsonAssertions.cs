using System.Globalization;
using System.Text.Json;

namespace Disgo.Emulator.Tests.Infrastructure;

/// <summary>Reading Discord's JSON conventions: snowflakes are always strings on the wire.</summary>
internal static class JsonAssertions
{
    /// <summary>Reads a snowflake, failing the test if it is not sent as a string.</summary>
    public static ulong GetSnowflake(this JsonElement element)
    {
        Assert.True(element.ValueKind == JsonValueKind.String, $"a snowflake must be a JSON string, got {element.ValueKind}: {element}");
        return ulong.Parse(element.GetString()!, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    public static ulong GetSnowflake(this JsonElement element, string property) => element.GetProperty(property).GetSnowflake();
}
