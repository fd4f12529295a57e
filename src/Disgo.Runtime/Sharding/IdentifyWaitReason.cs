namespace Disgo.Sharding;

/// <summary>Why an Identify is not sent yet.</summary>
public enum IdentifyWaitReason
{
    /// <summary>Another shard of the same bucket (<c>shard_id % max_concurrency</c>) identified and has no answer yet.</summary>
    BucketHeld,

    /// <summary>The bucket identified less than one window (5 s) ago.</summary>
    Window,

    /// <summary>The session start budget is down to its reserve; waiting for the daily reset.</summary>
    SessionStartBudget,
}
