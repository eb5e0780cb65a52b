using System.Globalization;
using System.Text.RegularExpressions;
using OtSecurity.Capture.Dissectors;
using OtSecurity.Capture.Pipeline;
using OtSecurity.Capture.Tests.Support;

namespace OtSecurity.Capture.Tests.Truth;

/// <summary>Every capture in ../shared/captures reads completely, frame for frame as capinfos counted them (README table).</summary>
public sealed partial class SharedCaptureTests
{
    public static TheoryData<string, int> Captures()
    {
        var data = new TheoryData<string, int>();
        var readme = Path.Combine(RepositoryPaths.Captures, "README.md");
        foreach (Match match in TableRow().Matches(File.ReadAllText(readme)))
        {
            data.Add(match.Groups["path"].Value, int.Parse(match.Groups["frames"].Value, CultureInfo.InvariantCulture));
        }

        return data;
    }

    [Theory]
    [Trait("Category", "Interop")]
    [MemberData(nameof(Captures))]
    public async Task Capture_ReadsEveryFrameWithoutError(string capture, int frames)
    {
        var path = Path.Combine(RepositoryPaths.Shared, capture);
        var sink = new CollectingSink();

        var result = await new CapturePipeline(new CapturePipelineOptions { Dissectors = DissectorCatalog.All }).RunAsync(path, sink);

        Assert.Null(result.Error);
        Assert.Equal(frames, result.Statistics.Frames);
        Assert.Equal(0, result.Statistics.UnsupportedLinkTypeFrames);
        Assert.Equal(0, result.Statistics.BufferedBytes);
    }

    [Fact]
    public void Captures_AreListed()
    {
        Assert.True(Captures().Count >= 40);
    }

    [GeneratedRegex(@"^\| (?<path>captures/[^ |]+\.pcap(ng)?) \| [^|]+ \| (?<frames>\d+) \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
