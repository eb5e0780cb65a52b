using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace OtSecurity.Capture.Tests.Reassembly;

/// <summary>TCP reassembly through the whole pipeline: what arrives must not depend on how it was cut or ordered.</summary>
public sealed class TcpReassemblyProperties
{
    [Property(MaxTest = 100)]
    public Property AnySegmentation_YieldsTheMessagesOfTheStreamInOnePiece() =>
        Prop.ForAll(
            (from scenario in StreamScenario.Generator
             from segments in StreamScenario.Segmentation(scenario.Bytes.Length)
             select (scenario, segments)).ToArbitrary(),
            input =>
            {
                var (scenario, segments) = input;
                var whole = StreamScenario.Read(scenario.Capture([(0, scenario.Bytes.Length)]), out _);
                var cut = StreamScenario.Read(scenario.Capture(segments), out var statistics);
                return whole.SequenceEqual(StreamScenario.Expected(scenario.Frames))
                    && cut.SequenceEqual(whole)
                    && statistics.Gaps == 0
                    && statistics.SkippedBytes == 0;
            });

    [Property(MaxTest = 100)]
    public Property ReorderedRetransmittedAndOverlappingSegments_YieldTheSameMessages() =>
        Prop.ForAll(
            (from scenario in StreamScenario.Generator
             from segments in StreamScenario.Segmentation(scenario.Bytes.Length)
             from extra in Gen.ArrayOf(
                 from start in Gen.Choose(0, scenario.Bytes.Length - 1)
                 from length in Gen.Choose(1, scenario.Bytes.Length - start)
                 select (start, length), Math.Min(6, scenario.Bytes.Length))
             from keys in Gen.ArrayOf(Gen.Choose(0, 1000), segments.Length + extra.Length)
             select (scenario, Shuffle([.. segments, .. extra], keys))).ToArbitrary(),
            input =>
            {
                var (scenario, segments) = input;
                var messages = StreamScenario.Read(scenario.Capture(segments), out var statistics);
                return messages.SequenceEqual(StreamScenario.Expected(scenario.Frames)) && statistics.SkippedBytes == 0;
            });

    [Property(MaxTest = 100)]
    public Property AMissingSegment_IsCountedAsAGapAndTheParserResynchronises() =>
        Prop.ForAll(
            (from scenario in StreamScenario.Generator.Where(s => s.Frames.Length >= 3)
             from segments in StreamScenario.Segmentation(scenario.Bytes.Length).Where(s => s.Length >= 3)
             from missing in Gen.Choose(1, segments.Length - 2)
             select (scenario, segments, missing)).ToArbitrary(),
            input =>
            {
                var (scenario, segments, missing) = input;
                var (gapStart, gapLength) = segments[missing];
                var kept = segments.Where((_, i) => i != missing);
                var messages = StreamScenario.Read(scenario.Capture(kept), out var statistics);

                // Every frame that lies wholly outside the hole is read; none that touches it is.
                var expected = StreamScenario.Expected(scenario.Spans()
                    .Where(s => s.End <= gapStart || s.Start >= gapStart + gapLength)
                    .Select(s => s.Frame));
                return (messages.SequenceEqual(expected)
                        && statistics.Gaps == 1
                        && statistics.GapBytes == gapLength)
                    .Label($"gap {gapStart}+{gapLength}: got {string.Join(",", messages)} expected {string.Join(",", expected)}, gaps {statistics.Gaps}, gap bytes {statistics.GapBytes}");
            });

    [Property(MaxTest = 100)]
    public Property MidStreamPickup_ReadsEveryWholeFrameAfterTheStart() =>
        Prop.ForAll(
            (from scenario in StreamScenario.Generator.Where(s => s.Bytes.Length > 2)
             from start in Gen.Choose(1, scenario.Bytes.Length - 1)
             from segments in StreamScenario.Segmentation(scenario.Bytes.Length - start)
             select (scenario, start, segments)).ToArbitrary(),
            input =>
            {
                var (scenario, start, segments) = input;
                var shifted = segments.Select(s => (s.Offset + start, s.Length));
                var messages = StreamScenario.Read(scenario.Capture(shifted, handshake: false), out var statistics);
                var expected = StreamScenario.Expected(scenario.Spans().Where(s => s.Start >= start).Select(s => s.Frame));
                return messages.SequenceEqual(expected) && statistics.MidStreamPickups == 1;
            });

    private static (int Offset, int Length)[] Shuffle((int Offset, int Length)[] segments, int[] keys) =>
        [.. segments.Select((s, i) => (s, key: keys[i])).OrderBy(p => p.key).Select(p => p.s)];
}
