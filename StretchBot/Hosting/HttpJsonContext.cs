using System.Text.Json.Serialization;

namespace StretchBot.Hosting;

/// <summary>
/// Generated JSON metadata for what every endpoint's request delegate asks for when it is built (the metadata of
/// <see cref="object"/>), consulted before the reflection-based resolver. The endpoints are built at the first request,
/// so without this that request would first set up the reflection-based serialiser (its converters and their
/// compiling) though no endpoint serialises an object by reflection on the bot's turn path. Types not listed here still
/// fall through to the reflection-based resolver, exactly as before.
/// </summary>
[JsonSerializable(typeof(object))]
internal sealed partial class HttpJsonContext : JsonSerializerContext;
