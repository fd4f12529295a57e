namespace Disgo.Emulator.Events;

/// <summary>Plausible chat lines of varied length, so emitted messages are realistically sized (about 1 KB with the envelope).</summary>
internal static class SampleMessages
{
    private static readonly string[] Lines =
    [
        "gm everyone! anyone up for a few rounds later tonight? I should be online around 8pm my time, maybe a bit after dinner",
        "Has anyone else noticed the new update changed how the inventory sorts items? I spent ten minutes looking for my pickaxe.",
        "lol that last match was wild, we were down three points and somehow came back in the final thirty seconds",
        "Reminder: the community meeting is on Saturday at 18:00 UTC in the stage channel. Bring your questions and suggestions!",
        "Can someone help me with the bot commands? I typed the help command but nothing happened, not sure if it is offline.",
        "Just finished reading the patch notes. The balance changes look good, but I am worried about the new matchmaking rules.",
        "Thanks for the recommendation yesterday, the book was great. Finished it in two evenings and already started the sequel.",
        "pinging the mods: there is someone posting invite links in the general channel again, could you take a look when you can?",
        "Does anyone know a good tutorial for setting up a home server? I have an old laptop and want to run a few services on it.",
        "Screenshot from last night's raid: we finally beat the boss on hard mode after about twenty attempts. GG to everyone!",
        "Weather here is terrible today, rain all morning and now it is snowing. Perfect excuse to stay in and play all weekend.",
        "I made a small script that tracks our team's scores and posts a weekly summary. Happy to share it if anyone is interested.",
    ];

    public static string Pick(Random random) => Lines[random.Next(Lines.Length)];
}
