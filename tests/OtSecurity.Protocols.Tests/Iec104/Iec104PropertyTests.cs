using System.Buffers;
using FsCheck.Xunit;
using OtSecurity.Protocols.Iec104;
using OtSecurity.Protocols.Tests.Framing;

namespace OtSecurity.Protocols.Tests.Iec104;

[Properties(Arbitrary = [typeof(Iec104Arbitraries)])]
public class Iec104PropertyTests
{
    [Property]
    public bool Apdu_WriteThenRead_RoundTrips(ApduSpec spec)
    {
        byte[] bytes = spec.Encode();
        return Iec104Apdu.TryRead(bytes, out Iec104Apdu apdu, out int consumed) == OperationStatus.Done
            && consumed == bytes.Length && apdu.EncodedLength == bytes.Length && ReadApdu.From(apdu).Matches(spec);
    }

    [Property]
    public bool Apdu_ReadThenWrite_IsCanonical(ApduSpec spec)
    {
        byte[] bytes = spec.Encode();
        Iec104Apdu.TryRead(bytes, out Iec104Apdu apdu, out _);
        var again = new byte[bytes.Length];
        int written;
        switch (apdu.Format)
        {
            case Iec104FrameFormat.U:
                Iec104Apdu.TryWriteUnnumbered(apdu.UFunction, again, out written);
                break;
            case Iec104FrameFormat.S:
                Iec104Apdu.TryWriteSupervisory(apdu.ReceiveSequenceNumber, again, out written);
                break;
            default:
                var asdu = new byte[apdu.AsduBytes.Length];
                Iec104Asdu.TryWrite(apdu.Asdu.Header, apdu.Asdu.InformationObjectBytes, asdu, out _);
                Iec104Apdu.TryWriteInformation(apdu.SendSequenceNumber, apdu.ReceiveSequenceNumber, asdu, again, out written);
                break;
        }

        return written == bytes.Length && again.AsSpan().SequenceEqual(bytes);
    }

    [Property]
    public bool Apdu_EveryStrictPrefix_NeedsMoreData(ApduSpec spec)
    {
        byte[] bytes = spec.Encode();
        for (int length = 0; length < bytes.Length; length++)
        {
            if (Iec104Apdu.TryRead(bytes.AsSpan(0, length), out _, out int consumed) != OperationStatus.NeedMoreData || consumed != 0)
            {
                return false;
            }
        }

        return true;
    }

    [Property]
    public bool Apdu_ArbitrarySegmentation_YieldsTheSameApdus(ApduStreamSpec spec)
    {
        byte[] stream = spec.Apdus.SelectMany(a => a.Encode()).ToArray();
        List<ReadApdu> apdus = Iec104StreamReader.ReadChunked(stream, spec.Chunks);
        return apdus.Count == spec.Apdus.Length && apdus.Zip(spec.Apdus).All(pair => pair.First.Matches(pair.Second));
    }

    [Property(MaxTest = 1000)]
    public bool ArbitraryBytes_NeverThrowAndNeverLoop(byte[] bytes)
    {
        bool terminated = FrameStream.ArbitraryBytesTerminate(bytes, static (ReadOnlySpan<byte> source, out int consumed) =>
        {
            OperationStatus status = Iec104Apdu.TryRead(source, out Iec104Apdu apdu, out consumed, out ProtocolError error);
            Assert.Equal(status == OperationStatus.InvalidData, error.IsError);
            if (status == OperationStatus.Done)
            {
                Touch(apdu);
            }

            return status;
        });

        // The ASDU reader must also survive arbitrary octets directly.
        if (Iec104Asdu.TryRead(bytes, out Iec104Asdu asdu, out _) == OperationStatus.Done)
        {
            foreach (Iec104InformationObject io in asdu)
            {
                TouchElement(io);
            }
        }

        return terminated;
    }

    private static void Touch(in Iec104Apdu apdu)
    {
        Iec104Classifier.Classify(apdu);
        if (apdu.Format == Iec104FrameFormat.I)
        {
            foreach (Iec104InformationObject io in apdu.Asdu)
            {
                TouchElement(io);
            }
        }
    }

    private static void TouchElement(Iec104InformationObject io)
    {
        io.TryGetSinglePoint(out _);
        io.TryGetDoublePoint(out _);
        io.TryGetStepPosition(out _);
        io.TryGetBitstring(out _);
        io.TryGetNormalizedValue(out _);
        io.TryGetScaledValue(out _);
        io.TryGetShortFloat(out _);
        io.TryGetCounterReading(out _);
        io.TryGetSingleCommand(out _);
        io.TryGetDoubleCommand(out _);
        io.TryGetRegulatingStepCommand(out _);
        io.TryGetSetpointQualifier(out _);
        io.TryGetEndOfInitialization(out _);
        io.TryGetInterrogationQualifier(out _);
        io.TryGetCounterInterrogationQualifier(out _);
        io.TryGetResetProcessQualifier(out _);
        io.TryGetFixedTestPattern(out _);
        io.TryGetTestSequenceCounter(out _);
        io.TryGetDelay(out _);
        if (io.TryGetTime(out Cp56Time2a time))
        {
            time.TryGetDateTime(out _);
        }

        io.TryGetShortTime(out _);
    }
}
