using System.Buffers;
using System.Text;

namespace StretchBot.Dialogs.Json;

/// <summary>
/// A text writer into a character buffer from the shared array pool, for JSON that is compared, encoded or copied once
/// and then dropped: unlike a <see cref="StringWriter"/> it makes no string unless asked (<see cref="ToString"/>), and
/// its buffer goes back to the pool when it is disposed.
/// </summary>
public sealed class PooledTextWriter : TextWriter
{
    private char[] _buffer;
    private int _length;

    public PooledTextWriter(int initialCapacity = 4096)
    {
        _buffer = ArrayPool<char>.Shared.Rent(initialCapacity);
    }

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>What has been written so far; valid until the next write or disposal.</summary>
    public ReadOnlySpan<char> Written => _buffer.AsSpan(0, _length);

    public override void Write(char value)
    {
        Reserve(1);
        _buffer[_length++] = value;
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(ReadOnlySpan<char> buffer)
    {
        Reserve(buffer.Length);
        buffer.CopyTo(_buffer.AsSpan(_length));
        _length += buffer.Length;
    }

    /// <summary>
    /// A Newtonsoft writer into this buffer, with its own buffers from the pool too; disposing it leaves this writer open,
    /// so what was written can still be read.
    /// </summary>
    public Newtonsoft.Json.JsonTextWriter CreateJsonWriter() => new(this) { ArrayPool = JsonCharPool.Instance, CloseOutput = false };

    /// <summary>The UTF-8 bytes of what was written, in an array from the shared pool (return it) and their count.</summary>
    public (byte[] Bytes, int Count) ToUtf8()
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(_length));
        return (bytes, Encoding.UTF8.GetBytes(Written, bytes));
    }

    public override string ToString() => new(Written);

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer.Length > 0)
        {
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = [];
            _length = 0;
        }

        base.Dispose(disposing);
    }

    private void Reserve(int more)
    {
        if (_length + more <= _buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + more));
        Written.CopyTo(larger);
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
