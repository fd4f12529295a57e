namespace Disgo.Emulator.World;

/// <summary>One global application command as the last bulk overwrite defined it.</summary>
/// <param name="Id">Kept across overwrites for a command with the same name and type, as Discord does.</param>
/// <param name="Type">1 chat input, 2 user, 3 message.</param>
/// <param name="Name">The command's name.</param>
/// <param name="Description">Empty for user and message commands.</param>
/// <param name="OptionsJson">The <c>options</c> array exactly as the bot sent it, or null.</param>
/// <param name="Version">A new snowflake whenever the command changes.</param>
public sealed record ApplicationCommand(ulong Id, int Type, string Name, string Description, string? OptionsJson, ulong Version);
