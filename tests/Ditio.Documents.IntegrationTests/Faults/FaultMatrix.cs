using System.Globalization;
using System.Net;
using System.Text;
using Ditio.Documents.Testing;

namespace Ditio.Documents.IntegrationTests.Faults;

/// <summary>A fault the emulator injects: a status answer, or a connection dropped at some point.</summary>
public enum MatrixFault
{
    Status500,
    Status502,
    Status503,

    /// <summary>429 with <c>Retry-After: 0</c>: whole seconds on the wire, and free to wait for.</summary>
    Status429RetryAfter0,

    /// <summary>429 with <c>Retry-After: 1</c>: costs a real second per retry, so only a few operations, fault once.</summary>
    Status429RetryAfter1,
    DropBeforeBody,
    DropAfterBody,
    DropAfterProcessing,
}

/// <summary>The SDK calls under test; <see cref="Token"/> is the token request made by the first API call.</summary>
public enum MatrixOperation
{
    Token,
    GetProjects,
    FindProjectByNumber,
    GetWorkOrders,
    UploadWithoutReplace,
    UploadWithReplace,
    GetPages,
    Download,
    Delete,
}

/// <summary>What the SDK's retry rules (README, "Retries") predict for one fault and one operation.</summary>
/// <param name="FaultCount">How many consecutive matching requests get the fault.</param>
/// <param name="Attempts">How many requests reach the emulator (token requests for <see cref="MatrixOperation.Token"/>).</param>
/// <param name="Succeeds">Whether the call returns normally.</param>
/// <param name="Status">The status the exception carries, or <see langword="null"/> for no response.</param>
/// <param name="Processed">Whether some attempt did its work in the emulator (stored, replaced or deleted).</param>
public sealed record FaultExpectation(int FaultCount, int Attempts, bool Succeeds, HttpStatusCode? Status, bool Processed)
{
    /// <summary>Gets the table cell: the outcome, the attempts, and what the store holds afterwards.</summary>
    public string Cell(MatrixOperation operation) =>
        FaultMatrix.Cell(operation, Succeeds ? null : (operation == MatrixOperation.Token ? nameof(DitioAuthenticationException) : nameof(DitioApiException), Status), Attempts, Processed);
}

/// <summary>The matrix: which cases run, what the rules say each must end in, and the markdown tables of docs/fault-matrix.md.</summary>
public static class FaultMatrix
{
    public const int MaxRetryAttempts = DitioRetryOptions.DefaultMaxRetryAttempts;

    /// <summary>The operations that get <c>Retry-After: 1</c> (each costs one real second).</summary>
    public static readonly MatrixOperation[] RetryAfterOneSecondOperations =
        [MatrixOperation.Token, MatrixOperation.GetProjects, MatrixOperation.UploadWithoutReplace, MatrixOperation.Download];

    public static IEnumerable<(MatrixFault Fault, MatrixOperation Operation, bool BudgetSpent)> Cases()
    {
        foreach (var fault in Enum.GetValues<MatrixFault>())
        {
            foreach (var operation in Enum.GetValues<MatrixOperation>())
            {
                foreach (var budgetSpent in new[] { false, true })
                {
                    if (IsRun(fault, operation, budgetSpent))
                    {
                        yield return (fault, operation, budgetSpent);
                    }
                }
            }
        }
    }

    public static bool IsRun(MatrixFault fault, MatrixOperation operation, bool budgetSpent) =>
        fault != MatrixFault.Status429RetryAfter1 || (!budgetSpent && RetryAfterOneSecondOperations.Contains(operation));

    public static int? StatusOf(MatrixFault fault) => fault switch
    {
        MatrixFault.Status500 => 500,
        MatrixFault.Status502 => 502,
        MatrixFault.Status503 => 503,
        MatrixFault.Status429RetryAfter0 or MatrixFault.Status429RetryAfter1 => 429,
        _ => null,
    };

    public static TimeSpan? RetryAfterOf(MatrixFault fault) => fault switch
    {
        MatrixFault.Status429RetryAfter0 => TimeSpan.Zero,
        MatrixFault.Status429RetryAfter1 => TimeSpan.FromSeconds(1),
        _ => null,
    };

    public static EmulatorFaultKind KindOf(MatrixFault fault) => fault switch
    {
        MatrixFault.DropBeforeBody => EmulatorFaultKind.DropBeforeBody,
        MatrixFault.DropAfterBody => EmulatorFaultKind.DropAfterBody,
        MatrixFault.DropAfterProcessing => EmulatorFaultKind.DropAfterProcessing,
        _ => EmulatorFaultKind.Status,
    };

    /// <summary>
    /// The rules: 429 is retried for every call; 5xx and dropped connections for every call but an upload without
    /// replace (the emulator drops connections it has accepted, so "never sent" never applies). A delete whose answer
    /// was lost finds the document gone on its retry (404), which the SDK takes as the success it is.
    /// </summary>
    public static FaultExpectation Expect(MatrixFault fault, MatrixOperation operation, bool budgetSpent)
    {
        var faultCount = budgetSpent ? 1 + MaxRetryAttempts : 1;
        var retried = operation != MatrixOperation.UploadWithoutReplace || StatusOf(fault) == 429;
        var attempts = retried ? Math.Min(faultCount + 1, 1 + MaxRetryAttempts) : 1;
        var succeeds = retried && faultCount <= MaxRetryAttempts;
        var status = StatusOf(fault) is { } code ? (HttpStatusCode?)code : null;
        var processedByFault = fault == MatrixFault.DropAfterProcessing;
        return new FaultExpectation(faultCount, attempts, succeeds, status, succeeds || processedByFault);
    }

    /// <summary>Renders a cell from an outcome, so expected and observed cells are written the same way.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="failure">The exception's type name and status; <see langword="null"/> when the call succeeded.</param>
    /// <param name="attempts">The attempts seen by the emulator.</param>
    /// <param name="processed">Whether the upload, replace or delete happened in the store.</param>
    public static string Cell(MatrixOperation operation, (string Type, HttpStatusCode? Status)? failure, int attempts, bool processed)
    {
        var text = new StringBuilder(failure is { } f
            ? $"{f.Type} {(f.Status is { } s ? ((int)s).ToString(CultureInfo.InvariantCulture) : "no response")}"
            : "ok");
        text.Append(CultureInfo.InvariantCulture, $", {attempts} attempt{(attempts == 1 ? "" : "s")}");
        var effect = operation switch
        {
            MatrixOperation.UploadWithoutReplace => processed ? "1 stored" : "0 stored",
            MatrixOperation.UploadWithReplace => processed ? "1 copy (new)" : "1 copy (old)",
            MatrixOperation.Delete => processed ? "deleted" : "kept",
            MatrixOperation.Download when failure is null => "hash ok",
            _ => null,
        };
        return effect is null ? text.ToString() : $"{text}, {effect}";
    }

    public static string Title(MatrixFault fault) => fault switch
    {
        MatrixFault.Status429RetryAfter0 => "429, Retry-After: 0",
        MatrixFault.Status429RetryAfter1 => "429, Retry-After: 1",
        MatrixFault.DropBeforeBody => "drop before body",
        MatrixFault.DropAfterBody => "drop after body",
        MatrixFault.DropAfterProcessing => "drop after processing",
        _ => StatusOf(fault)!.Value.ToString(CultureInfo.InvariantCulture),
    };

    public static string Title(MatrixOperation operation) => operation switch
    {
        MatrixOperation.Token => "token",
        MatrixOperation.GetProjects => "GetProjects",
        MatrixOperation.FindProjectByNumber => "FindProjectByNumber",
        MatrixOperation.GetWorkOrders => "GetWorkOrders",
        MatrixOperation.UploadWithoutReplace => "upload",
        MatrixOperation.UploadWithReplace => "upload, replace",
        MatrixOperation.GetPages => "GetPages",
        MatrixOperation.Download => "Download",
        _ => "Delete",
    };

    /// <summary>The two tables (fault once; fault until the retry budget is spent), as the tests assert them.</summary>
    public static string Markdown()
    {
        var text = new StringBuilder();
        foreach (var budgetSpent in new[] { false, true })
        {
            text.AppendLine(budgetSpent
                ? $"### Fault on {1 + MaxRetryAttempts} consecutive attempts (retry budget spent, MaxRetryAttempts {MaxRetryAttempts})"
                : "### Fault once");
            text.AppendLine();
            var operations = Enum.GetValues<MatrixOperation>();
            text.AppendLine("| fault | " + string.Join(" | ", operations.Select(Title)) + " |");
            text.AppendLine("|---|" + string.Concat(operations.Select(_ => "---|")));
            foreach (var fault in Enum.GetValues<MatrixFault>())
            {
                if (!operations.Any(o => IsRun(fault, o, budgetSpent)))
                {
                    continue;
                }

                var cells = operations.Select(o => IsRun(fault, o, budgetSpent) ? Expect(fault, o, budgetSpent).Cell(o) : "(not run)");
                text.AppendLine($"| {Title(fault)} | " + string.Join(" | ", cells) + " |");
            }

            text.AppendLine();
        }

        return text.ToString().ReplaceLineEndings("\n").TrimEnd() + "\n";
    }
}
