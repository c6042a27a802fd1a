namespace Ditio.Documents.Quickstart;

/// <summary>Prints the quickstart's steps as a readable transcript.</summary>
internal static class Transcript
{
    private static int _step;

    public static void Step(string text) => Console.WriteLine($"{++_step,2}. {text}");

    public static void Detail(string text) => Console.WriteLine($"      {text}");

    public static void Done(string text) => Console.WriteLine($"OK  {text}");

    public static void Fail(string text) => Console.Error.WriteLine($"FAILED  {text}");
}

/// <summary>A check of the quickstart did not hold.</summary>
internal sealed class QuickstartCheckFailedException(string message) : Exception(message);
