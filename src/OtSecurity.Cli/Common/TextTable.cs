using System.Text;

namespace OtSecurity.Cli.Common;

/// <summary>A plain-text table with left-aligned columns separated by two spaces.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public int RowCount => _rows.Count;

    public TextTable AddRow(params string?[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"Expected {headers.Length} cells, got {cells.Length}.", nameof(cells));
        }

        _rows.Add([.. cells.Select(static c => c ?? string.Empty)]);
        return this;
    }

    public void WriteTo(TextWriter writer, string indent = "  ")
    {
        int[] widths = [.. headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length)))];
        WriteLine(writer, indent, headers, widths);
        WriteLine(writer, indent, [.. widths.Select(static w => new string('-', w))], widths);
        foreach (string[] row in _rows)
        {
            WriteLine(writer, indent, row, widths);
        }
    }

    private static void WriteLine(TextWriter writer, string indent, string[] cells, int[] widths)
    {
        var line = new StringBuilder(indent);
        for (int i = 0; i < cells.Length; i++)
        {
            line.Append(i == cells.Length - 1 ? cells[i] : cells[i].PadRight(widths[i] + 2));
        }

        writer.WriteLine(line.ToString().TrimEnd());
    }
}
