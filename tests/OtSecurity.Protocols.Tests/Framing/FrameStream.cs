using System.Buffers;

namespace OtSecurity.Protocols.Tests.Framing;

/// <summary>Reads a frame length from the start of a buffer (wraps a codec's TryRead).</summary>
internal delegate OperationStatus FrameReader(ReadOnlySpan<byte> source, out int bytesConsumed);

/// <summary>Stream helpers shared by the codec properties: prefixes, segmentation, garbage.</summary>
internal static class FrameStream
{
    /// <summary>Every strict prefix of a valid frame reads as NeedMoreData and consumes nothing.</summary>
    public static bool EveryStrictPrefixNeedsMoreData(byte[] frame, FrameReader read)
    {
        for (int i = 0; i < frame.Length; i++)
        {
            if (read(frame.AsSpan(0, i), out int consumed) != OperationStatus.NeedMoreData || consumed != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Feeds the concatenated frames in chunks cut at <paramref name="cuts"/> and returns the frames read.</summary>
    public static List<byte[]> ReadSegmented(IReadOnlyList<byte[]> frames, int[] cuts, FrameReader read)
    {
        byte[] stream = frames.SelectMany(f => f).ToArray();
        var points = cuts.Select(c => stream.Length == 0 ? 0 : (int)((uint)c % (uint)(stream.Length + 1))).Append(stream.Length).Distinct().Order().ToArray();
        var pending = new List<byte>();
        var result = new List<byte[]>();
        int previous = 0;
        foreach (int point in points)
        {
            pending.AddRange(stream.AsSpan(previous, point - previous).ToArray());
            previous = point;
            while (true)
            {
                byte[] buffer = pending.ToArray();
                OperationStatus status = read(buffer, out int consumed);
                if (status != OperationStatus.Done)
                {
                    if (status == OperationStatus.InvalidData)
                    {
                        return result;
                    }

                    break;
                }

                result.Add(buffer[..consumed]);
                pending.RemoveRange(0, consumed);
            }
        }

        return result;
    }

    /// <summary>Runs a resynchronising read loop over arbitrary bytes: never throws, always terminates, never consumes past the end.</summary>
    public static bool ArbitraryBytesTerminate(byte[] bytes, FrameReader read)
    {
        int offset = 0;
        int iterations = 0;
        while (offset < bytes.Length)
        {
            if (++iterations > bytes.Length + 1)
            {
                return false;
            }

            OperationStatus status = read(bytes.AsSpan(offset), out int consumed);
            if (status == OperationStatus.Done)
            {
                if (consumed <= 0 || consumed > bytes.Length - offset)
                {
                    return false;
                }

                offset += consumed;
            }
            else if (status == OperationStatus.NeedMoreData)
            {
                return consumed == 0;
            }
            else
            {
                if (consumed != 0)
                {
                    return false;
                }

                offset++;
            }
        }

        return true;
    }
}
