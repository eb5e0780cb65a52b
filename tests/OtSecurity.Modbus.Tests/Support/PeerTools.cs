using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OtSecurity.Modbus.Tests.Support;

/// <summary>
/// Finds, builds and runs the third-party peers of the interop tests. A missing peer FAILS the test with the Debian
/// package to install (CI installs them in .ci/run); it never skips silently.
/// </summary>
internal static class PeerTools
{
    /// <summary>Debian's interpreter: the one python3-pymodbus installs into (a python3 earlier on PATH may lack pymodbus).</summary>
    public const string DebianPython = "/usr/bin/python3";

    private static readonly Lazy<Task<string>> LibmodbusServer = new(() => CompileAsync("libmodbus_server"));
    private static readonly Lazy<Task<string>> LibmodbusClient = new(() => CompileAsync("libmodbus_client"));

    public static string PeersDirectory => Path.Combine(AppContext.BaseDirectory, "Peers");

    /// <summary>Checks that Debian's python3 can import pymodbus; returns the interpreter.</summary>
    public static async Task<string> RequirePymodbusAsync()
    {
        if (!File.Exists(DebianPython))
        {
            Assert.Fail($"The pymodbus peer needs {DebianPython}: install the Debian packages python3 and python3-pymodbus (apt-get install python3-pymodbus).");
        }

        ProcessResult check = await RunAsync(DebianPython, ["-c", "import pymodbus, sys; sys.stdout.write(pymodbus.__version__)"], TimeSpan.FromSeconds(30));
        if (check.ExitCode != 0)
        {
            Assert.Fail($"{DebianPython} cannot import pymodbus: install the Debian package python3-pymodbus (apt-get install python3-pymodbus). {check.StandardError}");
        }

        return DebianPython;
    }

    /// <summary>The libmodbus server peer, compiled once per test run into the test output folder.</summary>
    public static Task<string> LibmodbusServerAsync() => LibmodbusServer.Value;

    /// <summary>The libmodbus client peer, compiled once per test run into the test output folder.</summary>
    public static Task<string> LibmodbusClientAsync() => LibmodbusClient.Value;

    /// <summary>The mbpoll executable (Debian package mbpoll).</summary>
    public static string RequireMbpoll()
    {
        string? path = FindOnPath("mbpoll");
        if (path is null)
        {
            Assert.Fail("The mbpoll peer is not installed: install the Debian package mbpoll (apt-get install mbpoll).");
        }

        return path;
    }

    /// <summary>A TCP port free on the loopback interface right now.</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Runs a program to completion (killed after <paramref name="timeout"/>).</summary>
    public static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        using var process = new Process { StartInfo = StartInfo(fileName, arguments) };
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"{Path.GetFileName(fileName)} {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds} s. Output: {Read(output)} Error: {Read(error)}");
        }

        process.WaitForExit();
        return new ProcessResult(process.ExitCode, Read(output), Read(error));
    }

    /// <summary>Starts a server peer and waits until it accepts connections on <paramref name="port"/>.</summary>
    public static async Task<PeerProcess> StartServerAsync(string fileName, IEnumerable<string> arguments, int port)
    {
        var peer = new PeerProcess(fileName, arguments);
        Stopwatch clock = Stopwatch.StartNew();
        while (true)
        {
            if (peer.HasExited)
            {
                string error = peer.StandardError;
                await peer.DisposeAsync();
                Assert.Fail($"{Path.GetFileName(fileName)} exited before listening on port {port}: {error}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return peer;
            }
            catch (SocketException) when (clock.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(50);
            }
            catch (SocketException ex)
            {
                string error = peer.StandardError;
                await peer.DisposeAsync();
                Assert.Fail($"{Path.GetFileName(fileName)} did not listen on port {port} within 20 s ({ex.Message}): {error}");
            }
        }
    }

    internal static ProcessStartInfo StartInfo(string fileName, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    internal static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.AppendLine(line);
        }
    }

    internal static string Read(StringBuilder builder)
    {
        lock (builder)
        {
            return builder.ToString();
        }
    }

    private static async Task<string> CompileAsync(string name)
    {
        string? gcc = FindOnPath("gcc");
        string? pkgConfig = FindOnPath("pkg-config");
        if (gcc is null || pkgConfig is null)
        {
            Assert.Fail("The libmodbus peers are compiled with gcc and pkg-config: install the Debian packages gcc, libc6-dev, pkg-config and libmodbus-dev.");
        }

        ProcessResult flags = await RunAsync(pkgConfig, ["--cflags", "--libs", "libmodbus"], TimeSpan.FromSeconds(30));
        if (flags.ExitCode != 0)
        {
            Assert.Fail($"pkg-config does not know libmodbus: install the Debian package libmodbus-dev (apt-get install libmodbus-dev). {flags.StandardError}");
        }

        string output = Path.Combine(AppContext.BaseDirectory, "peers-bin");
        Directory.CreateDirectory(output);
        string binary = Path.Combine(output, name);
        string source = Path.Combine(PeersDirectory, name + ".c");
        List<string> arguments = ["-Wall", "-O1", source, "-o", binary, .. flags.StandardOutput.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        ProcessResult compile = await RunAsync(gcc, arguments, TimeSpan.FromMinutes(2));
        if (compile.ExitCode != 0)
        {
            Assert.Fail($"gcc could not compile {name}.c against libmodbus (Debian libmodbus-dev): {compile.StandardError}");
        }

        return binary;
    }

    private static string? FindOnPath(string name)
    {
        string path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (string directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Append("/usr/bin"))
        {
            string candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>What a finished program printed.</summary>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>A running server peer; disposing kills it (and its children) and waits for it to exit.</summary>
internal sealed class PeerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    public PeerProcess(string fileName, IEnumerable<string> arguments)
    {
        _process = new Process { StartInfo = PeerTools.StartInfo(fileName, arguments) };
        _process.OutputDataReceived += (_, e) => PeerTools.Append(_output, e.Data);
        _process.ErrorDataReceived += (_, e) => PeerTools.Append(_error, e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public bool HasExited => _process.HasExited;

    public string StandardOutput => PeerTools.Read(_output);

    public string StandardError => PeerTools.Read(_error);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
