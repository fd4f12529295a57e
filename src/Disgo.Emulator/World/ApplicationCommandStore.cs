namespace Disgo.Emulator.World;

/// <summary>The application's global commands; a bulk overwrite replaces them all at once.</summary>
public sealed class ApplicationCommandStore
{
    private IReadOnlyList<ApplicationCommand> _commands = [];

    public IReadOnlyList<ApplicationCommand> All => Volatile.Read(ref _commands);

    internal void ReplaceAll(IReadOnlyList<ApplicationCommand> commands) => Volatile.Write(ref _commands, commands);
}
