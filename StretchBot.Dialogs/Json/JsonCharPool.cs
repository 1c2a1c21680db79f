using System.Buffers;
using Newtonsoft.Json;

namespace StretchBot.Dialogs.Json;

/// <summary>
/// Newtonsoft's readers and writers take their character buffers from the shared array pool instead of allocating them
/// for every activity, reply and state they handle (set as <see cref="JsonTextReader.ArrayPool"/> or
/// <see cref="JsonTextWriter.ArrayPool"/>; the buffers go back when the reader or writer is closed).
/// </summary>
public sealed class JsonCharPool : IArrayPool<char>
{
    private JsonCharPool()
    {
    }

    public static JsonCharPool Instance { get; } = new();

    public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

    public void Return(char[]? array)
    {
        if (array is not null)
        {
            ArrayPool<char>.Shared.Return(array);
        }
    }
}
