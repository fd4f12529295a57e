namespace Disgo.Models.Events;

public enum ReactionType
{
    Normal = 0,

    /// <summary>A super reaction.</summary>
    Burst = 1,
}
