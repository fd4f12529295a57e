using System.Security.Cryptography;
using System.Text;

namespace Disgo.Rest;

/// <summary>
/// One request target: the method, the route template (<c>/channels/{channel_id}/messages</c>), the path with the
/// arguments filled in, and what rate limiting keys on. Discord limits per route and per top-level resource
/// (<c>channel_id</c>, <c>guild_id</c>, <c>webhook_id</c> + <c>webhook_token</c>, and here also the interaction), so
/// those parameters are kept in the key and every other one is not.
/// </summary>
/// <remarks>Tokens in the path (webhook and interaction tokens are secrets) never appear in <see cref="ToString"/>.</remarks>
public sealed class RestRoute
{
    private static readonly string[] MajorParameters = ["channel_id", "guild_id", "webhook_id", "webhook_token", "interaction_id", "interaction_token"];
    private static readonly string[] SecretParameters = ["webhook_token", "interaction_token"];

    private readonly string _display;

    private RestRoute(HttpMethod method, string template, string path, string display, string topLevelResource, string? query)
    {
        Method = method;
        Template = template;
        Path = path;
        _display = display;
        TopLevelResource = topLevelResource;
        Query = query;
        BucketRoute = string.Concat(method.Method, " ", template);
        RateLimitKey = topLevelResource.Length == 0 ? BucketRoute : string.Concat(BucketRoute, " ", topLevelResource);
        IsExemptFromGlobalLimit = template.StartsWith("/interactions/", StringComparison.Ordinal)
            || template.StartsWith("/webhooks/{webhook_id}/{webhook_token}", StringComparison.Ordinal);
    }

    public HttpMethod Method { get; }

    /// <summary>The route with <c>{name}</c> placeholders, e.g. <c>/channels/{channel_id}/messages/{message_id}</c>.</summary>
    public string Template { get; }

    /// <summary>The path with every argument filled in and URL-escaped, relative to the REST base URL.</summary>
    public string Path { get; }

    /// <summary>The query string without its <c>?</c>, or null.</summary>
    public string? Query { get; }

    /// <summary>
    /// The top-level resource the limit applies to (<c>channel_id</c>, <c>guild_id</c>, webhook id and a digest of its
    /// token…), or empty. A digest stands in for a token so that a shared limiter never stores a secret.
    /// </summary>
    public string TopLevelResource { get; }

    /// <summary><c>METHOD template</c>: what a bucket hash (<c>X-RateLimit-Bucket</c>) is learned for.</summary>
    public string BucketRoute { get; }

    /// <summary><see cref="BucketRoute"/> plus <see cref="TopLevelResource"/>: requests with equal keys share a limit.</summary>
    public string RateLimitKey { get; }

    /// <summary>Interaction callbacks and webhook-with-token routes do not count against the global limit.</summary>
    public bool IsExemptFromGlobalLimit { get; }

    /// <summary>Whether a repeat of this request cannot change the outcome (GET, PUT, DELETE), so it may be retried.</summary>
    public bool IsIdempotent => Method == HttpMethod.Get || Method == HttpMethod.Put || Method == HttpMethod.Delete || Method == HttpMethod.Head;

    /// <summary>
    /// A route from a template and one argument per placeholder, in order:
    /// <c>RestRoute.Create(HttpMethod.Post, "/channels/{channel_id}/messages", channelId.ToString())</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The template is not a path, or the arguments do not match its placeholders.</exception>
    public static RestRoute Create(HttpMethod method, string template, params ReadOnlySpan<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(template);
        if (template[0] != '/' || template.Contains('?', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The route template '{template}' must start with '/' and carry no query; pass the query to WithQuery.", nameof(template));
        }

        var path = new StringBuilder(template.Length + 32);
        var display = new StringBuilder(template.Length + 32);
        var topLevel = new StringBuilder();
        var used = 0;
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            if (open < 0)
            {
                path.Append(template, position, template.Length - position);
                display.Append(template, position, template.Length - position);
                break;
            }

            var close = template.IndexOf('}', open);
            if (close < 0)
            {
                throw new ArgumentException($"The route template '{template}' has an unclosed '{{'.", nameof(template));
            }

            if (used == arguments.Length)
            {
                throw new ArgumentException($"The route template '{template}' has more placeholders than the {arguments.Length} arguments given.", nameof(arguments));
            }

            var name = template.AsSpan(open + 1, close - open - 1);
            var argument = arguments[used++];
            if (string.IsNullOrEmpty(argument))
            {
                throw new ArgumentException($"The argument for {{{name}}} in '{template}' is empty.", nameof(arguments));
            }

            // "@" may stand in a path segment unescaped, and Discord spells @original and @me that way.
            var escaped = Uri.EscapeDataString(argument).Replace("%40", "@", StringComparison.Ordinal);
            path.Append(template, position, open - position).Append(escaped);
            display.Append(template, position, open - position);
            var isSecret = IsOneOf(name, SecretParameters);
            if (isSecret)
            {
                display.Append('{').Append(name).Append('}');
            }
            else
            {
                display.Append(escaped);
            }

            if (IsOneOf(name, MajorParameters))
            {
                topLevel.Append(topLevel.Length == 0 ? "" : "/").Append(isSecret ? Digest(argument) : escaped);
            }

            position = close + 1;
        }

        if (used != arguments.Length)
        {
            throw new ArgumentException($"The route template '{template}' has {used} placeholders but {arguments.Length} arguments were given.", nameof(arguments));
        }

        return new RestRoute(method, template, path.ToString(), display.ToString(), topLevel.ToString(), query: null);
    }

    /// <summary>This route with a query string (without the leading <c>?</c>; values already escaped). Limits are unchanged.</summary>
    public RestRoute WithQuery(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new RestRoute(Method, Template, Path, _display, TopLevelResource, query.TrimStart('?'));
    }

    /// <summary><c>METHOD /path</c> with ids filled in and tokens left as placeholders: safe for logs and errors.</summary>
    public override string ToString() => string.Concat(Method.Method, " ", _display);

    private static bool IsOneOf(ReadOnlySpan<char> name, string[] names)
    {
        foreach (var candidate in names)
        {
            if (name.SequenceEqual(candidate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A stable digest of a token (the same in every process), so limits can be shared without sharing the secret.</summary>
    private static string Digest(string token)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(token), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }
}
