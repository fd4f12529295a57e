using Disgo.Emulator.Observation;
using Microsoft.AspNetCore.Http;

namespace Disgo.Emulator.Rest;

/// <summary>
/// What every REST request goes through before its handler, in Discord's order: the invalid-request ban,
/// authentication, injected faults, the global limit and the route's bucket. Every answer is then recorded, and
/// the invalid ones (401, 403, and 429 other than shared) are counted towards the ban.
/// </summary>
internal sealed class RestPipeline(EmulatorServices services)
{
    private RestHub Hub => services.Rest;

    /// <summary>Runs <paramref name="handler"/> for <paramref name="route"/> if the request gets that far.</summary>
    public async Task RunAsync(HttpContext context, ApiRoute route, RestHandler handler)
    {
        var outcome = new Outcome();
        try
        {
            await AnswerAsync(context, route, handler, outcome).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up (a delayed answer outlived its timeout): there is nobody to answer or count.
            return;
        }

        Finish(context, route, outcome);
    }

    /// <summary>An unknown route: banned callers still get the ban page; everyone else gets <paramref name="answer"/>.</summary>
    public async Task RunUnroutedAsync(HttpContext context, Func<HttpContext, Task> answer)
    {
        if (Hub.InvalidRequests.IsBanned())
            await RestResponses.WriteBanPageAsync(context).ConfigureAwait(false);
        else
            await answer(context).ConfigureAwait(false);
        Finish(context, route: null, new Outcome());
    }

    private async Task AnswerAsync(HttpContext context, ApiRoute route, RestHandler handler, Outcome outcome)
    {
        if (Hub.InvalidRequests.IsBanned())
        {
            outcome.Banned = true;
            await RestResponses.WriteBanPageAsync(context).ConfigureAwait(false);
            return;
        }

        if (route.RequiresBotToken() && BotAuthorization.Check(context.Request, services.Options.Token) is { } problem)
        {
            outcome.Detail = $"{route.Template()} with {problem}: 401";
            await RestResponses.WriteUnauthorizedAsync(context).ConfigureAwait(false);
            return;
        }

        if (!TryResolveResource(context, route, out var resourceId, out var resource))
        {
            await RestResponses.WriteNotFoundAsync(context).ConfigureAwait(false);
            return;
        }

        outcome.Resource = resource;
        var fault = Hub.Faults.Take(route, resourceId);
        if (fault is RestFault.Delay delay)
            await Task.Delay(delay.Duration, services.Time, context.RequestAborted).ConfigureAwait(false);
        if (await TryAnswerWithFaultAsync(context, route, resource, fault, outcome).ConfigureAwait(false))
            return;

        if (route.CountsGlobally())
        {
            var global = Hub.Limits.Global.TryAcquire();
            if (!global.Allowed)
            {
                outcome.Scope = "global";
                outcome.Detail = $"{route.Template()} over the global limit of {global.Limit} per {Hub.Limits.Global.Period.TotalSeconds:0.###} s; retry after {global.ResetAfter.TotalSeconds:0.###} s";
                await RestResponses.WriteTooManyRequestsAsync(context, global.ResetAfter, outcome.Scope).ConfigureAwait(false);
                return;
            }
        }

        var decision = Hub.Limits.Acquire(route, resource);
        RestRateLimits.WriteHeaders(context.Response, decision);
        if (!decision.Allowed)
        {
            outcome.Scope = "user";
            outcome.Detail = $"{route.Template()} over its limit of {decision.Limit} per {Hub.Limits.LimitOf(route).Period.TotalSeconds:0.###} s; retry after {decision.ResetAfter.TotalSeconds:0.###} s";
            await RestResponses.WriteTooManyRequestsAsync(context, decision.ResetAfter, outcome.Scope).ConfigureAwait(false);
            return;
        }

        var request = new RestRequest(context, route, resourceId);
        if (fault is RestFault.TruncatedJson)
            await TruncatedAsync(context, handler, request).ConfigureAwait(false);
        else
            await handler(request).ConfigureAwait(false);
    }

    private async Task<bool> TryAnswerWithFaultAsync(HttpContext context, ApiRoute route, string resource, RestFault? fault, Outcome outcome)
    {
        switch (fault)
        {
            case RestFault.SharedRateLimit shared:
                RestRateLimits.WriteHeaders(context.Response, Hub.Limits.Peek(route, resource));
                outcome.Scope = "shared";
                await RestResponses.WriteTooManyRequestsAsync(context, shared.RetryAfter, outcome.Scope).ConfigureAwait(false);
                return true;
            case RestFault.ServerError error:
                await RestResponses.WriteServerErrorAsync(context, error.Status).ConfigureAwait(false);
                return true;
            case RestFault.HtmlErrorPage page:
                await RestResponses.WriteHtmlErrorPageAsync(context, page.Status).ConfigureAwait(false);
                return true;
            case RestFault.Forbidden:
                outcome.Detail = $"{route.Template()}: 403 Missing Permissions (injected)";
                await RestResponses.WriteErrorAsync(context, StatusCodes.Status403Forbidden, "Missing Permissions", DiscordErrorCodes.MissingPermissions).ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }

    // The handler writes into memory; the client then gets the headers it promised and half the body.
    private static async Task TruncatedAsync(HttpContext context, RestHandler handler, RestRequest request)
    {
        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await handler(request).ConfigureAwait(false);
        }
        finally
        {
            response.Body = original;
        }

        var half = (int)(buffer.Length / 2);
        response.ContentLength = half;
        await original.WriteAsync(buffer.GetBuffer().AsMemory(0, half), context.RequestAborted).ConfigureAwait(false);
    }

    private void Finish(HttpContext context, ApiRoute? route, Outcome outcome)
    {
        var status = context.Response.StatusCode;
        var invalid = !outcome.Banned && status switch
        {
            StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => true,
            StatusCodes.Status429TooManyRequests => outcome.Scope != "shared",
            _ => false,
        };

        if (invalid)
        {
            Hub.InvalidRequests.Count();
            var kind = status == StatusCodes.Status429TooManyRequests ? ViolationKind.RestRateLimit : ViolationKind.RestInvalidRequest;
            var detail = outcome.Detail ?? $"{context.Request.Method} {context.Request.Path}: {status}";
            services.Observations.Record(new RuleViolation(kind, ConnectionId: 0, Shard: null, detail, services.Time.GetUtcNow()));
        }

        Hub.Record(context.Request.Method, context.Request.Path.Value ?? "", route, outcome.Resource, status, outcome.Scope, invalid);
    }

    /// <summary>The key of the route's bucket: the top-level resource from the path, as Discord keys buckets.</summary>
    private static bool TryResolveResource(HttpContext context, ApiRoute route, out ulong resourceId, out string resource)
    {
        var values = context.Request.RouteValues;
        var (idParameter, withToken) = route switch
        {
            ApiRoute.GetGateway or ApiRoute.GetGatewayBot => (null, false),
            ApiRoute.GetGuildMember => ("guild_id", false),
            ApiRoute.InteractionCallback => ("interaction_id", true),
            ApiRoute.CreateFollowup or ApiRoute.EditFollowup or ApiRoute.DeleteFollowup => ("application_id", true),
            ApiRoute.BulkOverwriteCommands => ("application_id", false),
            _ => ("channel_id", false),
        };

        resourceId = 0;
        resource = "";
        if (idParameter is null)
            return true;
        var text = values[idParameter] as string;
        if (RestRequest.ParseSnowflake(text) is not { } id)
            return false;
        resourceId = id;
        resource = withToken ? $"{text}/{values["token"]}" : text!;
        return true;
    }

    /// <summary>What the pipeline decided, for the request log and the invalid-request count.</summary>
    private sealed class Outcome
    {
        public string? Resource { get; set; }

        public string? Scope { get; set; }

        public string? Detail { get; set; }

        public bool Banned { get; set; }
    }
}
