namespace Disgo.Models;

public enum ActivityType
{
    /// <summary>"Playing {name}".</summary>
    Playing = 0,

    /// <summary>"Streaming {details}"; only Twitch and YouTube URLs are accepted.</summary>
    Streaming = 1,

    /// <summary>"Listening to {name}".</summary>
    Listening = 2,

    /// <summary>"Watching {name}".</summary>
    Watching = 3,

    /// <summary>A custom status: <c>state</c> is the text shown.</summary>
    Custom = 4,

    /// <summary>"Competing in {name}".</summary>
    Competing = 5,
}
