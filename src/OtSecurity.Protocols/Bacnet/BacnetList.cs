using System.Buffers;

namespace OtSecurity.Protocols.Bacnet;

/// <summary>
/// An element of a list of tagged data (a BACnetPropertyValue, a BACnetPropertyReference, a ReadAccessSpecification,
/// ...), read one after the other by <see cref="BacnetListEnumerator{T}"/>.
/// </summary>
/// <typeparam name="TSelf">The element type.</typeparam>
public interface IBacnetElement<TSelf>
    where TSelf : IBacnetElement<TSelf>, allows ref struct
{
    /// <summary>Reads one element at the reader's position.</summary>
    /// <param name="reader">The reader; on failure its error says why.</param>
    /// <param name="element">The element.</param>
    /// <returns>True when the element is valid.</returns>
    static abstract bool TryRead(scoped ref BacnetTagReader reader, out TSelf element);
}

/// <summary>Enumerates the elements of a list that was validated when its production was read.</summary>
/// <typeparam name="T">The element type.</typeparam>
public ref struct BacnetListEnumerator<T>
    where T : IBacnetElement<T>, allows ref struct
{
    private BacnetTagReader _reader;

    internal BacnetListEnumerator(ReadOnlySpan<byte> list)
    {
        _reader = new BacnetTagReader(list);
        Current = default!;
    }

    /// <summary>The current element.</summary>
    public T Current { get; private set; }

    /// <summary>Returns this enumerator.</summary>
    /// <returns>This.</returns>
    public readonly BacnetListEnumerator<T> GetEnumerator() => this;

    /// <summary>Advances.</summary>
    /// <returns>False at the end.</returns>
    public bool MoveNext()
    {
        if (_reader.End || !T.TryRead(ref _reader, out T element))
        {
            return false;
        }

        Current = element;
        return true;
    }
}

/// <summary>Reading and writing lists of <see cref="IBacnetElement{TSelf}"/>: the scaffolding of the list services.</summary>
internal static class BacnetList
{
    /// <summary>Reads a list of one or more elements that fills <paramref name="data"/> (ReadPropertyMultiple, WritePropertyMultiple).</summary>
    public static bool TryReadSequence<T>(ReadOnlySpan<byte> data, out int count, out ProtocolError error)
        where T : IBacnetElement<T>, allows ref struct
    {
        var reader = new BacnetTagReader(data);
        count = 0;
        do
        {
            if (!T.TryRead(ref reader, out _))
            {
                count = 0;
                error = reader.Error;
                return false;
            }

            count++;
        }
        while (!reader.End);

        error = default;
        return true;
    }

    /// <summary>Writes a list of elements already encoded, after checking that it reads back.</summary>
    public static OperationStatus TryWriteSequence<T>(ReadOnlySpan<byte> elements, Span<byte> destination, out int bytesWritten, string parameterName)
        where T : IBacnetElement<T>, allows ref struct
    {
        if (!TryReadSequence<T>(elements, out _, out _))
        {
            throw new ArgumentException("Not a valid list of " + typeof(T).Name + ".", parameterName);
        }

        var writer = new BacnetTagWriter(destination);
        writer.WriteRaw(elements);
        return writer.Complete(out bytesWritten);
    }

    /// <summary>Reads the constructed value [<paramref name="number"/>] and checks every element inside it.</summary>
    public static bool TryReadConstructed<T>(scoped ref BacnetTagReader reader, byte number, out ReadOnlySpan<byte> list)
        where T : IBacnetElement<T>, allows ref struct
    {
        if (!reader.TryReadConstructed(number, out list))
        {
            return false;
        }

        var inner = reader.CreateNested(list);
        while (!inner.End)
        {
            if (!T.TryRead(ref inner, out _))
            {
                list = default;
                return reader.FailWith(inner.Error);
            }
        }

        return true;
    }

    /// <summary>objectIdentifier [0] and a list of elements in [1] (ReadAccessSpecification, WriteAccessSpecification).</summary>
    public static bool TryReadObjectList<T>(scoped ref BacnetTagReader reader, out BacnetObjectIdentifier id, out ReadOnlySpan<byte> list)
        where T : IBacnetElement<T>, allows ref struct
    {
        list = default;
        return reader.TryReadContextObjectIdentifier(0, out id) && TryReadConstructed<T>(ref reader, 1, out list);
    }

    /// <summary>Writes objectIdentifier [0] and the opening tag of the list [1].</summary>
    public static OperationStatus TryWriteObjectListHeader(BacnetObjectIdentifier id, Span<byte> destination, out int bytesWritten)
    {
        var writer = new BacnetTagWriter(destination);
        writer.WriteContextObjectIdentifier(0, id);
        writer.WriteOpening(1);
        return writer.Complete(out bytesWritten);
    }

    /// <summary>Writes the closing tag of the list [1].</summary>
    public static OperationStatus TryWriteListTrailer(Span<byte> destination, out int bytesWritten)
    {
        var writer = new BacnetTagWriter(destination);
        writer.WriteClosing(1);
        return writer.Complete(out bytesWritten);
    }
}
