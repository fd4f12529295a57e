namespace Disgo.Analyzers;

/// <summary>The categories Disgo's diagnostics are grouped by, one per area of its ID range.</summary>
public static class DiagnosticCategories
{
    public const string Declaration = "Disgo.Declaration";
    public const string Sharding = "Disgo.Sharding";
    public const string Intents = "Disgo.Intents";
    public const string Sessions = "Disgo.Sessions";
    public const string Blocking = "Disgo.Blocking";
    public const string Security = "Disgo.Security";
}
