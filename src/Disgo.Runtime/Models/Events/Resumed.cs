namespace Disgo.Models.Events;

/// <summary>RESUMED: the replay after a Resume is complete; every later dispatch is new. Discord defines no fields.</summary>
public sealed class Resumed;
