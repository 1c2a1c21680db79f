using System.Buffers;
using System.Text;

namespace StretchBot.Dialogs.Json;

/// <summary>
/// A text reader over UTF-8 bytes, decoded once into a character buffer from the shared array pool (returned when the
/// reader is disposed): what a <see cref="StreamReader"/> over a <see cref="MemoryStream"/> reads, without allocating
/// the stream and its two buffers for every activity.
/// </summary>
public sealed class PooledTextReader : TextReader
{
    private char[] _chars;
    private readonly int _length;
    private int _position;

    public PooledTextReader(ReadOnlySpan<byte> utf8)
    {
        _chars = ArrayPool<char>.Shared.Rent(Math.Max(1, Encoding.UTF8.GetMaxCharCount(utf8.Length)));
        _length = Encoding.UTF8.GetChars(utf8, _chars);
    }

    public override int Peek() => _position < _length ? _chars[_position] : -1;

    public override int Read() => _position < _length ? _chars[_position++] : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var count = Math.Min(buffer.Length, _length - _position);
        _chars.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _chars.Length > 0)
        {
            ArrayPool<char>.Shared.Return(_chars);
            _chars = [];
            _position = _length;
        }

        base.Dispose(disposing);
    }
}
