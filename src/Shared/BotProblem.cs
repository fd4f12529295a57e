using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Disgo.Shared;

/// <summary>One broken <see cref="BotRule"/>: where, and the values its message names.</summary>
internal sealed class BotProblem
{
    public BotProblem(BotRule rule, Location? location, params string[] arguments)
    {
        Rule = rule;
        Location = location;
        Arguments = arguments;
    }

    public BotRule Rule { get; }

    /// <summary>The attribute or declaration at fault; null when it has no source (e.g. a type from metadata).</summary>
    public Location? Location { get; }

    public string[] Arguments { get; }

    public bool IsBlocking => BotRules.IsBlocking(Rule);

    public string Message => string.Format(CultureInfo.InvariantCulture, BotRules.MessageFormat(Rule), Arguments);

    public override string ToString() => $"{Rule}: {Message}";
}
