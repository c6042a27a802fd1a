using System.Globalization;

namespace Ditio.Documents.Benchmarks.Transfer;

/// <summary>
/// The samples of one kind of transfer (SDK or raw, upload or download): MB/s, and the CPU time the client process
/// spent per transfer (all its threads; the sink runs in another process), which is steadier than wall time on a busy machine.
/// </summary>
internal sealed class ThroughputSeries(string name, Func<long, Task<double>> transfer)
{
    public string Name { get; } = name;

    public List<double> Rates { get; } = [];

    public List<double> CpuMilliseconds { get; } = [];

    public double MedianRate => Median(Rates);

    public async Task SampleAsync(long size, bool record = true)
    {
        var cpu = Environment.CpuUsage.TotalTime;
        var rate = await transfer(size);
        if (record)
        {
            Rates.Add(rate);
            CpuMilliseconds.Add((Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds);
        }
    }

    public override string ToString()
    {
        var rates = string.Join(", ", Rates.Select(r => r.ToString("F0", CultureInfo.InvariantCulture)));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Name}: median {MedianRate:F0} MB/s, client CPU {Median(CpuMilliseconds):F0} ms per transfer, {Rates.Count} rounds [{rates}]");
    }

    public static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
