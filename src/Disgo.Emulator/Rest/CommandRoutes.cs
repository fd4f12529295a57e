using System.Globalization;
using System.Text.Json;
using Disgo.Emulator.Gateway;
using Disgo.Emulator.World;
using Microsoft.AspNetCore.Http;

namespace Disgo.Emulator.Rest;

/// <summary><c>PUT /applications/{application_id}/commands</c>: replaces the application's global commands.</summary>
internal sealed class CommandRoutes(EmulatorServices services)
{
    private const int ChatInput = 1;
    private const int MaxCommands = 100;

    /// <summary>Validates every command first, then replaces them all and answers 200 with the new list.</summary>
    public async Task BulkOverwriteAsync(RestRequest request)
    {
        var context = request.Context;
        var world = services.World;
        if (request.ResourceId != world.ApplicationId)
        {
            await RestError.Forbidden("Missing Access", DiscordErrorCodes.MissingAccess).WriteAsync(context).ConfigureAwait(false);
            return;
        }

        var (document, _) = await JsonRequestBody.ReadAsync(context, MessageRoutes.MaxBodyBytes).ConfigureAwait(false);
        if (document is null)
        {
            await RestError.InvalidJson.WriteAsync(context).ConfigureAwait(false);
            return;
        }

        List<ApplicationCommand> commands;
        using (document)
        {
            var (parsed, error) = Parse(document.RootElement, world);
            if (parsed is null)
            {
                await error!.WriteAsync(context).ConfigureAwait(false);
                return;
            }

            commands = parsed;
        }

        world.Commands.ReplaceAll(commands);
        await RestResponses.WriteJsonAsync(context, StatusCodes.Status200OK, (commands, world.ApplicationId), static (writer, state) =>
        {
            writer.WriteStartArray();
            foreach (var command in state.commands)
                Write(writer, command, state.ApplicationId);
            writer.WriteEndArray();
        }).ConfigureAwait(false);
    }

    private static (List<ApplicationCommand>? Commands, RestError? Error) Parse(JsonElement body, EmulatedWorld world)
    {
        if (body.ValueKind != JsonValueKind.Array)
            return (null, RestError.Form([], "BASE_TYPE_ARRAY", "Must be an array."));
        if (body.GetArrayLength() > MaxCommands)
            return (null, RestError.Form([], "BASE_TYPE_MAX_LENGTH", $"Must be {MaxCommands} or fewer in length."));

        var existing = world.Commands.All;
        var commands = new List<ApplicationCommand>(body.GetArrayLength());
        var index = 0;
        foreach (var element in body.EnumerateArray())
        {
            var at = index.ToString(CultureInfo.InvariantCulture);
            var (command, error) = ParseOne(element, at, existing, commands, world);
            if (command is null)
                return (null, error);
            commands.Add(command);
            index++;
        }

        return (commands, null);
    }

    private static (ApplicationCommand? Command, RestError? Error) ParseOne(
        JsonElement element, string at, IReadOnlyList<ApplicationCommand> existing, List<ApplicationCommand> sofar, EmulatedWorld world)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return (null, RestError.Form([at], "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType"));

        var type = ChatInput;
        if (element.TryGetProperty("type", out var typeElement)
            && (typeElement.ValueKind != JsonValueKind.Number || !typeElement.TryGetInt32(out type) || type is < 1 or > 4))
        {
            return (null, RestError.Form([at, "type"], "BASE_TYPE_CHOICES", "Value must be one of (1, 2, 3, 4)."));
        }

        if (!element.TryGetProperty("name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String)
            return (null, RestError.Form([at, "name"], "BASE_TYPE_REQUIRED", "This field is required"));
        var name = nameElement.GetString()!;
        if (!IsValidName(name, type))
            return (null, RestError.Form([at, "name"], "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid"));
        foreach (var earlier in sofar)
        {
            if (earlier.Type == type && earlier.Name == name)
                return (null, RestError.Form([at, "name"], "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique"));
        }

        var description = element.TryGetProperty("description", out var descriptionElement) && descriptionElement.ValueKind == JsonValueKind.String
            ? descriptionElement.GetString()!
            : "";
        if (type == ChatInput ? description.Length is 0 or > 100 : description.Length != 0)
        {
            var rule = type == ChatInput ? "Must be between 1 and 100 in length." : "Must be empty for user and message commands.";
            return (null, RestError.Form([at, "description"], "BASE_TYPE_BAD_LENGTH", rule));
        }

        string? options = null;
        if (element.TryGetProperty("options", out var optionsElement) && optionsElement.ValueKind != JsonValueKind.Null)
        {
            if (optionsElement.ValueKind != JsonValueKind.Array || optionsElement.GetArrayLength() > 25)
                return (null, RestError.Form([at, "options"], "BASE_TYPE_MAX_LENGTH", "Must be an array of 25 or fewer in length."));
            options = optionsElement.GetRawText();
        }

        // A command that keeps its name and type keeps its id, as Discord's overwrite does; its version changes if it changed.
        ApplicationCommand? previous = null;
        foreach (var command in existing)
        {
            if (command.Type == type && command.Name == name)
                previous = command;
        }

        var id = previous?.Id ?? world.NextId();
        var unchanged = previous is not null && previous.Description == description && previous.OptionsJson == options;
        return (new ApplicationCommand(id, type, name, description, options, unchanged ? previous!.Version : world.NextId()), null);
    }

    // Chat input names are lowercase words of letters, digits, '-' and '_'; user and message commands allow spaces and case.
    private static bool IsValidName(string name, int type)
    {
        if (name.Length is 0 or > 32)
            return false;
        if (type != ChatInput)
            return !string.IsNullOrWhiteSpace(name);
        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c is '-' or '_') || char.IsUpper(c))
                return false;
        }

        return true;
    }

    private static void Write(Utf8JsonWriter writer, ApplicationCommand command, ulong applicationId)
    {
        writer.WriteStartObject();
        Snowflakes.Write(writer, "id"u8, command.Id);
        Snowflakes.Write(writer, "application_id"u8, applicationId);
        Snowflakes.Write(writer, "version"u8, command.Version);
        writer.WriteNumber("type"u8, command.Type);
        writer.WriteString("name"u8, command.Name);
        writer.WriteString("description"u8, command.Description);
        writer.WriteNull("default_member_permissions"u8);
        writer.WriteBoolean("nsfw"u8, false);
        if (command.OptionsJson is { } options)
        {
            writer.WritePropertyName("options"u8);
            writer.WriteRawValue(options, skipInputValidation: true);
        }

        writer.WriteEndObject();
    }
}
