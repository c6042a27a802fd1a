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
        /// <summary>As .NET's: the task's result, or <see cref="OperationCanceledException"/> as soon as the token fires (the task goes on).</summary>
        public async Task<TResult> WaitAsync(CancellationToken cancellationToken)
        {
            if (!task.IsCompleted && cancellationToken.CanBeCanceled)
            {
                var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                using (cancellationToken.Register(static s => ((TaskCompletionSource<bool>)s!).TrySetResult(true), cancelled))
                {
                    if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
                    {
                        throw new TaskCanceledException(Task.FromCanceled(cancellationToken));
                    }
                }
            }

            return await task.ConfigureAwait(false);
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
