using System.Runtime.ExceptionServices;

namespace Ditio.Documents.Internal.Calls;

/// <summary>
/// One call's policy and state: the one object every layer under the facade reads. The policy (what kind of call, so
/// which timeouts apply; whether its body can be sent again and whether doing so is safe; the largest answer it takes)
/// is set by the facade; the state (attempts, the path as sent, when it started, a fault of the caller's) is written
/// by the layers as the call goes. It travels on the request, in its options (<c>HttpRequestMessage.Options</c>; <c>Properties</c> where there are none).
/// </summary>
internal sealed class DitioCall
{
    /// <summary>The name of the request option that carries the call.</summary>
    public const string Key = "Ditio.Call";

    /// <summary>The largest token answer read: an OAuth token answer is a few hundred bytes.</summary>
    public const int MaxTokenAnswerBytes = 64 * 1024;

    /// <summary>The largest error answer of a download read (a download's success is streamed, never buffered).</summary>
    public const int MaxDownloadErrorBytes = 64 * 1024;

#if NET
    private static readonly HttpRequestOptionsKey<DitioCall> OptionsKey = new(Key);
#endif
    private readonly int _jitterSeed = Random.Shared.Next();
    private int _attempts;
    private int _retriesGranted;
    private int _sendsPermitted;
    private int _sends;
    private Exception? _callerFault;
    private byte[]? _answer;
    private int _answerLength;

    private DitioCall(string operation, DitioCallKind kind, bool idempotent, long maxAnswerBytes)
    {
        Operation = operation;
        Kind = kind;
        IsIdempotent = idempotent;
        MaxAnswerBytes = maxAnswerBytes;
    }

    /// <summary>Gets the public operation the call serves (<c>GetPages</c>, <c>Upload</c>, <c>Token</c>, ...).</summary>
    public string Operation { get; }

    public DitioCallKind Kind { get; }

    /// <summary>Gets a value indicating whether the call is a transfer: no attempt or total timeout, a stall watchdog instead.</summary>
    public bool IsTransfer => Kind is DitioCallKind.Upload or DitioCallKind.Download;

    /// <summary>Gets a value indicating whether sending the request twice has the effect of sending it once.</summary>
    public bool IsIdempotent { get; }

    /// <summary>Gets or sets a value indicating whether the body can be sent again from the start (false for a forward-only stream).</summary>
    public bool IsReplayable { get; set; } = true;

    /// <summary>Gets the largest answer body read into memory; a longer one is an invalid response.</summary>
    public long MaxAnswerBytes { get; }

    /// <summary>Gets how many attempts have been sent so far (the current one included).</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Gets the method of the request as sent, once an attempt started.</summary>
    public string? Method { get; private set; }

    /// <summary>Gets the path and query of the request as sent (API prefix included), once an attempt started.</summary>
    public string? Path { get; private set; }

    /// <summary>Gets or sets the timestamp (of the call's <see cref="TimeProvider"/>) of the first attempt, for the total timeout.</summary>
    public long? StartedAt { get; set; }

    /// <summary>Gets the body of the last answer, read whole by <see cref="AnswerReader"/> (empty when there was none or it was released).</summary>
    public ReadOnlySpan<byte> Answer => _answer is { } answer ? answer.AsSpan(0, _answerLength) : default;

    /// <summary>Gets or sets the headers of the last answer, where a failure finds the server's request id.</summary>
    public System.Net.Http.Headers.HttpResponseHeaders? AnswerHeaders { get; set; }

    /// <summary>Gets the exception the caller's own code threw during the call (its stream, its progress callback), if any.</summary>
    public Exception? CallerFault => Volatile.Read(ref _callerFault);

    public static DitioCall Control(string operation, long maxAnswerBytes) => new(operation, DitioCallKind.Control, idempotent: true, maxAnswerBytes);

    public static DitioCall Token() => new("Token", DitioCallKind.Control, idempotent: true, MaxTokenAnswerBytes);

    public static DitioCall Upload(bool replacesByName, long maxAnswerBytes) => new("Upload", DitioCallKind.Upload, replacesByName, maxAnswerBytes);

    public static DitioCall Download() => new("Download", DitioCallKind.Download, idempotent: true, MaxDownloadErrorBytes);

    /// <summary>Puts the call on the request it is sent with.</summary>
    public void AttachTo(HttpRequestMessage request) =>
#if NET
        request.Options.Set(OptionsKey, this);
#else
        request.Properties[Key] = this;
#endif

    /// <summary>The call a request carries, if it is one of the SDK's.</summary>
    public static DitioCall? Of(HttpRequestMessage? request) =>
#if NET
        request is not null && request.Options.TryGetValue(OptionsKey, out var call) ? call : null;
#else
        request is not null && request.Properties.TryGetValue(Key, out var value) ? value as DitioCall : null;
#endif

    /// <summary>Whether an answer is read whole into memory (under the attempt's timeout): every answer but a download's body.</summary>
    public bool BuffersAnswer(HttpResponseMessage response) => Kind != DitioCallKind.Download || !response.IsSuccessStatusCode;

    /// <summary>
    /// An attempt is about to be sent: count it, and note the request as sent. An attempt of a call that must not be
    /// repeated, beyond the first and the retries the SDK's own policy granted, was made by a handler outside the SDK's
    /// (an application's retry stacked on the SDK's client): refused, so no second copy is stored.
    /// </summary>
    public int BeginAttempt(HttpRequestMessage request)
    {
        Method ??= request.Method.Method;
        Path ??= request.RequestUri?.PathAndQuery;
        var attempt = Interlocked.Increment(ref _attempts);
        if (!IsIdempotent && attempt > Volatile.Read(ref _retriesGranted) + 1)
        {
            throw ResendRefused();
        }

        PermitSend();
        return attempt;
    }

    /// <summary>Keeps an answer's body (a pooled buffer), giving back the one an earlier attempt left.</summary>
    public void KeepAnswer(byte[] buffer, int length)
    {
        ReleaseAnswer();
        _answerLength = length;
        _answer = buffer;
    }

    /// <summary>Gives the answer's buffer back to the pool; the facade calls it once it has read the answer.</summary>
    public void ReleaseAnswer()
    {
        if (Interlocked.Exchange(ref _answer, null) is { } buffer)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The SDK's retry policy decided to retry (called from its retry notification).</summary>
    public void GrantRetry() => Interlocked.Increment(ref _retriesGranted);

    /// <summary>The SDK's own layers mean to put the request on the wire once more (an attempt, a replay after a 401).</summary>
    public void PermitSend() => Interlocked.Increment(ref _sendsPermitted);

    /// <summary>
    /// The request is about to go on the wire: a call that must not be repeated goes only as often as the SDK's layers
    /// permitted, whatever a handler an application slipped in under them does.
    /// </summary>
    public void CheckSend()
    {
        if (Interlocked.Increment(ref _sends) > Volatile.Read(ref _sendsPermitted) && !IsIdempotent)
        {
            throw ResendRefused();
        }
    }

    /// <summary>
    /// Runs the caller's code (a read of its stream, its progress callback). What it throws is noted as the caller's, so
    /// no layer retries it or reports it as Ditio's, and the facade gives it back to the caller as it was thrown.
    /// </summary>
    public T RunCallerCode<T>(Func<T> code)
    {
        try
        {
            return code();
        }
        catch (Exception ex)
        {
            throw NoteCallerFault(ex);
        }
    }

    /// <inheritdoc cref="RunCallerCode{T}(Func{T})"/>
    public void RunCallerCode(Action code)
    {
        try
        {
            code();
        }
        catch (Exception ex)
        {
            throw NoteCallerFault(ex);
        }
    }

    /// <summary>Notes <paramref name="exception"/> as the caller's (the first one wins) and returns it, to be thrown.</summary>
    public Exception NoteCallerFault(Exception exception)
    {
        Interlocked.CompareExchange(ref _callerFault, exception, null);
        return exception;
    }

    /// <summary>Throws the caller's own exception, as it was thrown, if the call failed because of it.</summary>
    public void ThrowIfCallerFault()
    {
        if (CallerFault is { } fault)
        {
            ExceptionDispatchInfo.Capture(fault).Throw();
        }
    }

    private InvalidOperationException ResendRefused() => new(
        $"A handler outside the Ditio SDK tried to send this {Operation} again (an application-wide retry on the SDK's HttpClient): refused, so that no second copy is stored.");

    /// <summary>A fraction in [0, 1) for the jitter of retry <paramref name="attempt"/>: fixed per call and attempt, so every reader agrees.</summary>
    public double Jitter(int attempt) => new Random(unchecked((_jitterSeed * 397) ^ attempt)).NextDouble();

    /// <summary>The path for a message: as sent, or the operation's name if nothing was sent.</summary>
    public string PathOrOperation => Path ?? $"({Operation}, not sent)";

    public override string ToString() => $"{Operation} {Method} {Path} (attempt {Attempts})";
}

/// <summary>What kind of call a <see cref="DitioCall"/> is: which time limits and which answer handling apply.</summary>
internal enum DitioCallKind
{
    /// <summary>A lookup, listing, delete or token request: attempt and total timeouts, answer read whole.</summary>
    Control,

    /// <summary>An upload: no time limit but the stall watchdog; the JSON answer read whole.</summary>
    Upload,

    /// <summary>A download: no time limit but the stall watchdog; the body streamed to the caller.</summary>
    Download,
}
