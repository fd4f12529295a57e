using Fix = Disgo.Analyzers.Tests.Infrastructure.CodeFixVerifier<Disgo.Analyzers.Rules.BotDeclarationAnalyzer, Disgo.Analyzers.CodeFixes.Rules.ReturnValueTaskCodeFixProvider>;

namespace Disgo.Analyzers.Tests.Rules;

public sealed class ReturnValueTaskCodeFixProviderTests
{
    private const string Bot = """
        [DiscordBot]
        [Handlers(typeof(Greetings))]
        public sealed partial class PingBot;

        """;

    [Fact]
    public Task Async_void_handler_returns_ValueTask_with_its_body_unchanged() => Fix.VerifyAsync(
        """
        using System.Threading.Tasks;
        using Disgo;
        using Disgo.Models.Events;

        """ + Bot + """
        public sealed class Greetings
        {
            [On]
            public async void {|DISGO1106:OnReady|}(Ready ready)
            {
                if (ready.Guilds.Count == 0)
                {
                    return;
                }

                await Task.Yield();
            }
        }
        """,
        """
        using System.Threading.Tasks;
        using Disgo;
        using Disgo.Models.Events;

        """ + Bot + """
        public sealed class Greetings
        {
            [On]
            public async ValueTask OnReady(Ready ready)
            {
                if (ready.Guilds.Count == 0)
                {
                    return;
                }

                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task Missing_using_directive_is_added() => Fix.VerifyAsync(
        """
        using Disgo;
        using Disgo.Models.Events;

        """ + Bot + """
        public sealed class Greetings
        {
            [On]
            public static async void {|DISGO1106:OnReady|}(Ready ready) => await System.Threading.Tasks.Task.Yield();
        }
        """,
        """
        using System.Threading.Tasks;
        using Disgo;
        using Disgo.Models.Events;

        """ + Bot + """
        public sealed class Greetings
        {
            [On]
            public static async ValueTask OnReady(Ready ready) => await System.Threading.Tasks.Task.Yield();
        }
        """);
}
