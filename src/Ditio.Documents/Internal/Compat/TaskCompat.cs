#if !NET
namespace Ditio.Documents.Internal.Compat;

/// <summary>.NET Framework's stand-ins for the task helpers of .NET 6 to 8 (<c>WaitAsync</c>, <c>Parallel.ForEachAsync</c>, ...).</summary>
internal static class TaskCompat
{
    [ThreadStatic]
    private static Random? t_random;
    private static readonly Random Seeds = new();

    extension(ValueTask)
    {
        public static ValueTask CompletedTask => default;

        public static ValueTask<TResult> FromResult<TResult>(TResult result) => new(result);
    }

    extension(Task)
    {
        public static Task Delay(TimeSpan delay, TimeProvider timeProvider, CancellationToken cancellationToken) =>
            timeProvider.Delay(delay, cancellationToken);
    }

    extension<TResult>(Task<TResult> task)
    {
        /// <summary>
        /// As .NET's: the task's outcome, or cancelled as soon as the token fires (the task goes on). Whichever comes
        /// first completes the returned task at once, on the thread that signalled it, as .NET's does, so a
        /// cancellation and a failure at the same instant end the same way on both targets.
        /// </summary>
        public Task<TResult> WaitAsync(CancellationToken cancellationToken)
        {
            if (task.IsCompleted || !cancellationToken.CanBeCanceled)
            {
                return task;
            }

            if (cancellationToken.IsCancellationRequested)
            {
                return Task.FromCanceled<TResult>(cancellationToken);
            }

            var promise = new TaskCompletionSource<TResult>();
            var registration = cancellationToken.Register(
                static state =>
                {
                    var (waiting, token) = ((TaskCompletionSource<TResult>, CancellationToken))state!;
                    waiting.TrySetCanceled(token);
                },
                (promise, cancellationToken));
            task.ContinueWith(
                static (finished, state) =>
                {
                    var (waiting, cancellation) = ((TaskCompletionSource<TResult>, CancellationTokenRegistration))state!;
                    cancellation.Dispose();
                    if (finished.IsFaulted)
                    {
                        waiting.TrySetException(finished.Exception!.InnerExceptions);
                    }
                    else if (finished.IsCanceled)
                    {
                        waiting.TrySetCanceled();
                    }
                    else
                    {
                        waiting.TrySetResult(finished.Result);
                    }
                },
                (promise, registration),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return promise.Task;
        }
    }

    extension(Random)
    {
        /// <summary>A thread-safe instance, as .NET's: one <see cref="Random"/> per thread, seeded from a shared one.</summary>
        public static Random Shared
        {
            get
            {
                if (t_random is null)
                {
                    int seed;
                    lock (Seeds)
                    {
                        seed = Seeds.Next();
                    }

                    t_random = new Random(seed);
                }

                return t_random;
            }
        }
    }

    extension(Parallel)
    {
        /// <summary>
        /// As .NET's: at most <see cref="ParallelOptions.MaxDegreeOfParallelism"/> bodies at once; the first failure cancels
        /// the token the bodies see and no new item starts; the task fails with the bodies' exceptions, or is cancelled when
        /// the caller's token fired.
        /// </summary>
        public static async Task ForEachAsync<TSource>(IEnumerable<TSource> source, ParallelOptions parallelOptions, Func<TSource, CancellationToken, ValueTask> body)
        {
            var callerToken = parallelOptions.CancellationToken;
            callerToken.ThrowIfCancellationRequested();
            var workers = parallelOptions.MaxDegreeOfParallelism is > 0 and var max ? max : Environment.ProcessorCount;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
            using var items = source.GetEnumerator();
            var gate = new object();
            var failures = new List<Exception>();

            async Task WorkAsync()
            {
                await Task.Yield();
                while (true)
                {
                    TSource item;
                    lock (gate)
                    {
                        if (stop.IsCancellationRequested || !items.MoveNext())
                        {
                            return;
                        }

                        item = items.Current;
                    }

                    try
                    {
                        await body(item, stop.Token).ConfigureAwait(false);
                    }
                    catch (Exception ex)
                    {
                        lock (gate)
                        {
                            failures.Add(ex);
                        }

                        stop.Cancel();
                        return;
                    }
                }
            }

            var running = new Task[workers];
            for (var i = 0; i < workers; i++)
            {
                running[i] = WorkAsync();
            }

            await Task.WhenAll(running).ConfigureAwait(false);

            // A body's cancellation after another's failure (or the caller's cancelling) is not a failure of its own.
            var real = failures.Where(f => f is not OperationCanceledException || !stop.IsCancellationRequested).ToList();
            if (real.Count == 0 && !callerToken.IsCancellationRequested)
            {
                real = failures;
            }

            if (real.Count > 0)
            {
                var faulted = new TaskCompletionSource<bool>();
                faulted.SetException(real);
                await faulted.Task.ConfigureAwait(false);
            }

            callerToken.ThrowIfCancellationRequested();
        }
    }
}
#endif
