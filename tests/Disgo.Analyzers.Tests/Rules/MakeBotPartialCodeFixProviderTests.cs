using Fix = Disgo.Analyzers.Tests.Infrastructure.CodeFixVerifier<Disgo.Analyzers.Rules.BotDeclarationAnalyzer, Disgo.Analyzers.CodeFixes.Rules.MakeBotPartialCodeFixProvider>;

namespace Disgo.Analyzers.Tests.Rules;

public sealed class MakeBotPartialCodeFixProviderTests
{
    private const string Handlers = """

        public static class Lifecycle
        {
            [On]
            public static void OnReady(Ready ready) { }
        }
        """;

    [Fact]
    public Task Adds_partial_after_the_other_modifiers() => Fix.VerifyAsync(
        """
        using Disgo;
        using Disgo.Models.Events;

        [DiscordBot]
        [Handlers(typeof(Lifecycle))]
        public sealed class {|DISGO1001:PingBot|};
        """ + Handlers,
        """
        using Disgo;
        using Disgo.Models.Events;

        [DiscordBot]
        [Handlers(typeof(Lifecycle))]
        public sealed partial class PingBot;
        """ + Handlers);

    [Fact]
    public Task Adds_partial_to_a_bot_without_modifiers() => Fix.VerifyAsync(
        """
        using Disgo;
        using Disgo.Models.Events;

        [DiscordBot]
        [Handlers(typeof(Lifecycle))]
        class {|DISGO1001:PingBot|};
        """ + Handlers,
        """
        using Disgo;
        using Disgo.Models.Events;

        [DiscordBot]
        [Handlers(typeof(Lifecycle))]
        partial class PingBot;
        """ + Handlers);
}
