using Verify = Disgo.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Disgo.Analyzers.Rules.MessageContentAnalyzer>;

namespace Disgo.Analyzers.Tests.Rules;

public sealed class MessageContentAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Linq;
        using Disgo;
        using Disgo.Models;
        using Disgo.Models.Gateway;

        """;

    private const string Handlers = """

        public sealed class Messages
        {
            [On(GatewayEvents.MessageCreate)]
            public void OnMessage(Message message)
            {
                if (message.Content == "!ping" || message.Embeds.Count > 0 || message.Attachments.Any())
                {
                    Console.WriteLine(message.Author.Username);
                }
            }
        }
        """;

    [Fact]
    public Task Content_fields_read_without_the_intent_are_reported() => Verify.VerifyAsync(Usings + """
        [DiscordBot]
        [Intents(GatewayIntents.GuildMessages)]
        [Handlers(typeof(Messages))]
        public sealed partial class PingBot;

        public sealed class Messages
        {
            [On(GatewayEvents.MessageCreate)]
            public void OnMessage(Message message)
            {
                if ([|message.Content|] == "!ping" || [|message.Embeds|].Count > 0 || [|message.Attachments|].Any())
                {
                    Console.WriteLine(message.Author.Username);
                }
            }

            // Not a handler: what it reads is its caller's business.
            public static string Text(Message message) => message.Content;
        }
        """);

    [Fact]
    public Task A_partial_handler_is_reported_once_in_its_implementation() => Verify.VerifyAsync(Usings + """
        [DiscordBot]
        [Intents(GatewayIntents.GuildMessages)]
        [Handlers(typeof(Messages))]
        public sealed partial class PingBot;

        public sealed partial class Messages
        {
            [On(GatewayEvents.MessageCreate)]
            public partial void OnMessage(Message message);

            public partial void OnMessage(Message message) => Console.WriteLine([|message.Content|]);
        }
        """);

    [Fact]
    public Task Message_names_the_handler_the_field_and_the_bot() => Verify.VerifyAsync(
        Usings + """
        [DiscordBot]
        [Intents(GatewayIntents.GuildMessages | GatewayIntents.DirectMessages)]
        [Handlers(typeof(Messages))]
        public sealed partial class PingBot;

        public static class Messages
        {
            [On(GatewayEvents.MessageUpdate)]
            public static void OnEdit(Message message) => Console.WriteLine({|#0:message.Content|});
        }
        """,
        Verify.Diagnostic(DiagnosticIds.MessageContentWithoutIntent).WithLocation(0).WithArguments("Messages.OnEdit", "Content", "PingBot"));

    [Fact]
    public Task Explicit_intents_with_MessageContent_are_not_reported() => Verify.VerifyAsync(Usings + """
        [DiscordBot]
        [Intents(GatewayIntents.GuildMessages | GatewayIntents.MessageContent)]
        [Handlers(typeof(Messages))]
        public sealed partial class PingBot;
        """ + Handlers);

    [Fact]
    public Task Derived_intents_are_not_reported_because_the_session_may_add_the_intent() => Verify.VerifyAsync(Usings + """
        [DiscordBot]
        [Handlers(typeof(Messages))]
        public sealed partial class PingBot;
        """ + Handlers);

    [Fact]
    public Task Handlers_of_no_bot_are_not_reported() => Verify.VerifyAsync(Usings + Handlers);
}
