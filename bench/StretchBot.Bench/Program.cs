using System.Text.Json;

namespace StretchBot.Bench;

/// <summary>./stretchbot.sh bench: runs every measurement, prints the table and writes the JSON.</summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            var options = BenchOptions.Parse(args);
            Console.WriteLine($"StretchBot bench{(options.Label.Length > 0 ? $" ({options.Label})" : string.Empty)}: {Environment.ProcessorCount} cores, load {MachineInfo.LoadAverage()}");
            using var cancel = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                cancel.Cancel();
            };

            BenchResults results;
            await using (var runner = new BenchRunner(options, Console.Out))
            {
                results = await runner.RunAsync(cancel.Token);
            }

            Console.WriteLine();
            Console.Write(BenchTable.Render(results));
            var output = Path.GetFullPath(options.Output);
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            await File.WriteAllTextAsync(output, JsonSerializer.Serialize(results, BenchJson.Options));
            Console.WriteLine($"JSON: {output}");
            return 0;
        }
        catch (BenchException ex)
        {
            Console.Error.WriteLine("bench: " + ex.Message);
            return 1;
        }
    }
}
