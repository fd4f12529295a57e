using System.Collections.Generic;
using Disgo.Generator.Models;
using Microsoft.CodeAnalysis.CSharp;

namespace Disgo.Generator.Emitting;

internal static partial class BotEmitter
{
    private static void WriteFactories(SourceWriter writer, BotModel bot)
    {
        WriteServiceProviderFactory(writer, bot);
        if (bot.InstanceFactoryAccessibility is { } accessibility)
        {
            writer.Line();
            WriteInstanceFactory(writer, bot, accessibility);
        }
    }

    /// <summary><c>Create(IServiceProvider)</c>: constructor parameters by static type, so no reflection is involved.</summary>
    private static void WriteServiceProviderFactory(SourceWriter writer, BotModel bot)
    {
        writer.Line("/// <summary>");
        writer.Line("/// Creates the bot, constructing its handler classes with their constructor parameters taken from");
        writer.Line("/// <paramref name=\"services\"/>. The ILoggerFactory and IGatewayCommandSender registered there, if any, are used too.");
        writer.Line("/// </summary>");
        writer.Line("/// <exception cref=\"global::System.InvalidOperationException\">A constructor parameter without a default has no registered service.</exception>");
        writer.Open($"public static {bot.TypeName} Create({Names.ServiceProvider} services)");
        writer.Line($"{Names.ArgumentNullException}.ThrowIfNull(services);");
        writer.Line($"return new {bot.TypeName}(");
        writer.Indent();
        foreach (var instance in bot.Instances)
        {
            if (instance.ConstructorParameters.Count == 0)
            {
                writer.Line($"new {instance.TypeName}(),");
                continue;
            }

            writer.Line($"new {instance.TypeName}(");
            writer.Indent();
            for (var i = 0; i < instance.ConstructorParameters.Count; i++)
            {
                var last = i == instance.ConstructorParameters.Count - 1;
                writer.Line(Resolve(instance, instance.ConstructorParameters[i]) + (last ? ")," : ","));
            }

            writer.Outdent();
        }

        writer.Line($"{Names.HandlerServices}.CreateLogger(services, {Literal(bot.DisplayName)}),");
        writer.Line($"{Names.HandlerServices}.Optional<{Names.CommandSender}?>(services, null));");
        writer.Outdent();
        writer.Close();
    }

    private static string Resolve(HandlerInstanceModel instance, ServiceParameterModel parameter) => parameter.DefaultValue is { } fallback
        ? $"{Names.HandlerServices}.Optional<{parameter.TypeName}>(services, {fallback})"
        : $"{Names.HandlerServices}.Require<{parameter.TypeName}>(services, {Literal(instance.DisplayName)}, {Literal(parameter.Name)})";

    /// <summary><c>Create(handlers…, logger, commandSender)</c>: for callers that build the handler instances themselves.</summary>
    private static void WriteInstanceFactory(SourceWriter writer, BotModel bot, string accessibility)
    {
        writer.Line("/// <summary>Creates the bot from handler instances made by the caller (in tests, or without a service provider).</summary>");
        foreach (var instance in bot.Instances)
        {
            writer.Line($"/// <param name=\"{instance.ParameterName.TrimStart('@')}\">The {instance.DisplayName} whose handlers the bot calls.</param>");
        }

        writer.Line("/// <param name=\"logger\">Where handler failures are logged; nowhere when null.</param>");
        writer.Line("/// <param name=\"commandSender\">Where handlers send gateway commands; when null, they cannot send any.</param>");
        var parameters = new List<string>();
        var arguments = new List<string>();
        foreach (var instance in bot.Instances)
        {
            parameters.Add($"{instance.TypeName} {instance.ParameterName}");
            arguments.Add(instance.ParameterName);
        }

        parameters.Add($"{Names.Logger}? logger = null");
        parameters.Add($"{Names.CommandSender}? commandSender = null");
        arguments.Add($"logger ?? {Names.NullLogger}.Instance");
        arguments.Add("commandSender");
        writer.Open($"{accessibility} static {bot.TypeName} Create({string.Join(", ", parameters)})");
        foreach (var instance in bot.Instances)
        {
            writer.Line($"{Names.ArgumentNullException}.ThrowIfNull({instance.ParameterName});");
        }

        writer.Line($"return new {bot.TypeName}({string.Join(", ", arguments)});");
        writer.Close();
    }

    private static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);
}
