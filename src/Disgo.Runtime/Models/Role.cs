namespace Disgo.Models;

/// <summary>A minimal guild role.</summary>
public sealed class Role
{
    public Snowflake Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>RGB color as an integer; 0 means none.</summary>
    public int Color { get; set; }

    /// <summary>Whether members are shown separately in the member list.</summary>
    public bool Hoist { get; set; }

    public int Position { get; set; }

    /// <summary>The permission bitfield as a decimal string (it exceeds 53 bits).</summary>
    public string Permissions { get; set; } = "0";

    /// <summary>Whether an integration manages the role.</summary>
    public bool Managed { get; set; }

    public bool Mentionable { get; set; }
}
