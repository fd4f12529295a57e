using Microsoft.AspNetCore.Http;

namespace Disgo.Emulator.Rest;

/// <summary>A Discord error answer: <c>{message, code}</c>, or Invalid Form Body with one field error when <see cref="Field"/> is set.</summary>
internal sealed record RestError(int Status, string Message, int Code, FieldError? Field = null)
{
    public static RestError NotFound(string message, int code) => new(StatusCodes.Status404NotFound, message, code);

    public static RestError Forbidden(string message, int code) => new(StatusCodes.Status403Forbidden, message, code);

    public static RestError BadRequest(string message, int code) => new(StatusCodes.Status400BadRequest, message, code);

    /// <summary>400 Invalid Form Body (50035) naming the field at <paramref name="path"/>.</summary>
    public static RestError Form(string[] path, string errorCode, string message) =>
        new(StatusCodes.Status400BadRequest, "Invalid Form Body", DiscordErrorCodes.InvalidFormBody, new FieldError(path, errorCode, message));

    public static RestError InvalidJson { get; } = BadRequest("The request body contains invalid JSON.", DiscordErrorCodes.InvalidJson);

    public static RestError TooLarge { get; } = new(StatusCodes.Status413PayloadTooLarge, "Request entity too large", DiscordErrorCodes.RequestEntityTooLarge);

    public static RestError EmptyMessage { get; } = BadRequest("Cannot send an empty message", DiscordErrorCodes.CannotSendEmptyMessage);

    public static RestError UnknownChannel { get; } = NotFound("Unknown Channel", DiscordErrorCodes.UnknownChannel);

    public static RestError UnknownMessage { get; } = NotFound("Unknown Message", DiscordErrorCodes.UnknownMessage);

    public Task WriteAsync(HttpContext context) => Field is { } field
        ? RestResponses.WriteInvalidFormBodyAsync(context, field.Path, field.Code, field.Message)
        : RestResponses.WriteErrorAsync(context, Status, Message, Code);
}

/// <summary>One entry of Invalid Form Body's <c>errors</c>: where, Discord's error code string, and a sentence.</summary>
internal sealed record FieldError(string[] Path, string Code, string Message);
