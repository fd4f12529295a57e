namespace Disgo.Models.Gateway;

public static class GatewayIntentsExtensions
{
    /// <summary>The bits of <paramref name="intents"/> that Discord does not document (a gateway answers them with 4013).</summary>
    public static GatewayIntents GetUndocumentedBits(this GatewayIntents intents) => intents & ~GatewayIntents.All;

    /// <summary>The privileged intents in <paramref name="intents"/> (a gateway answers those not enabled for the bot with 4014).</summary>
    public static GatewayIntents GetPrivilegedBits(this GatewayIntents intents) => intents & GatewayIntents.Privileged;

    /// <summary>Whether every bit of <paramref name="intents"/> is a documented intent.</summary>
    public static bool IsDocumented(this GatewayIntents intents) => intents.GetUndocumentedBits() == GatewayIntents.None;
}
