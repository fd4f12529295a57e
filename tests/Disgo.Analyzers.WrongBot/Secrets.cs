namespace WrongBot;

public static class Secrets
{
    // Not a real token: shaped like one (user id . timestamp . signature).
    public static string Token() => "MTEwMTE5NTMzMTMzODE2NjI3Mg.GxYzAb.dQw4w9WgXcQ-aBcDeFgHiJkLmNo"; // DISGO6001
}
