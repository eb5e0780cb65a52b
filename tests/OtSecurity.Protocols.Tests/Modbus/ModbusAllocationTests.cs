using System.Buffers;
using OtSecurity.Protocols.Modbus;

namespace OtSecurity.Protocols.Tests.Modbus;

/// <summary>The read path allocates nothing: frames, PDUs and typed messages are views.</summary>
public class ModbusAllocationTests
{
    private static readonly byte[] Stream = Hex.Parse(
        "00 01 00 00 00 06 01 03 00 6B 00 0A" +                                        // FC3 request
        "00 01 00 00 00 17 01 03 14 00 01 00 02 00 03 00 04 00 05 00 06 00 07 00 08 00 09 00 0A" + // FC3 response, 10 registers
        "00 02 00 00 00 1B 01 10 00 01 00 0A 14 00 01 00 02 00 03 00 04 00 05 00 06 00 07 00 08 00 09 00 0A" + // FC16 request, 10 registers
        "00 03 00 00 00 03 01 83 02" +                                                 // exception
        "00 04 00 00 00 0C 01 2B 0E 01 01 00 00 01 00 03 41 43 4D");                   // 43/14 response

    private static readonly byte[] Rtu = Hex.Parse("11 03 00 6B 00 03 76 87");

    private static long ReadAll()
    {
        long sum = 0;
        ReadOnlySpan<byte> s = Stream;
        while (ModbusTcpFrame.TryRead(s, ModbusDirection.Unknown, out ModbusTcpFrame frame, out int consumed, out _) == OperationStatus.Done)
        {
            ModbusPdu pdu = frame.Pdu;
            switch (pdu.Kind)
            {
                case ModbusMessageKind.ReadRequest:
                    pdu.TryGetReadRequest(out ModbusReadRequest r);
                    sum += r.Address + r.Quantity;
                    break;
                case ModbusMessageKind.ReadRegistersResponse:
                    pdu.TryGetReadRegistersResponse(out ModbusReadRegistersResponse regs);
                    for (int i = 0; i < regs.RegisterCount; i++)
                    {
                        sum += regs.GetRegister(i);
                    }

                    break;
                case ModbusMessageKind.WriteMultipleRegistersRequest:
                    pdu.TryGetWriteMultipleRegistersRequest(out ModbusWriteMultipleRegistersRequest w);
                    sum += w.GetRegister(9);
                    break;
                case ModbusMessageKind.Exception:
                    sum += (int)pdu.ExceptionCode;
                    break;
                case ModbusMessageKind.ReadDeviceIdentificationResponse:
                    pdu.TryGetReadDeviceIdentificationResponse(out ModbusReadDeviceIdentificationResponse id);
                    foreach (ModbusDeviceIdentificationObject o in id)
                    {
                        sum += o.Value.Length;
                    }

                    break;
            }

            sum += ModbusFunctions.ChangesState(pdu) ? 1 : 0;
            s = s[consumed..];
        }

        ModbusRtuFrame.TryRead(Rtu, ModbusDirection.Unknown, out ModbusRtuFrame rtu, out _, out _);
        sum += rtu.Address;
        return sum;
    }

    [Fact]
    public void ReadPath_AllocatesNothing()
    {
        long expected = ReadAll();
        long before = GC.GetAllocatedBytesForCurrentThread();
        long sum = 0;
        for (int i = 0; i < 1000; i++)
        {
            sum += ReadAll();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(expected * 1000, sum);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void InvalidInput_AllocatesNothing()
    {
        byte[] bad = Hex.Parse("00 01 00 00 00 06 01 03 00 00 00 00");
        ModbusTcpFrame.TryRead(bad, ModbusDirection.Request, out _, out _, out _);
        int invalid = 0;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            invalid += ModbusTcpFrame.TryRead(bad, ModbusDirection.Request, out _, out _, out _) == OperationStatus.InvalidData ? 1 : 0;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(1000, invalid);
        Assert.Equal(0, allocated);
    }
}
