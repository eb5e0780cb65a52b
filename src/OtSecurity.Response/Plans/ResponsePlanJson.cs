using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using OtSecurity.Model.Serialization;

namespace OtSecurity.Response.Plans;

/// <summary>
/// Writes and reads response plans as JSON for audit (System.Text.Json source generation: trimmable and
/// AOT-safe). The same plan always gives the same bytes.
/// </summary>
public static class ResponsePlanJson
{
    private static readonly JsonErrorTranslator ErrorTranslator = new();

    /// <summary>The plan as indented JSON text.</summary>
    /// <param name="plan">The plan.</param>
    public static string Serialize(ResponsePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return JsonSerializer.Serialize(plan, ResponseJsonContext.Default.ResponsePlan);
    }

    /// <summary>Writes the plan as indented UTF-8 JSON.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="destination">The stream (not closed).</param>
    public static void Save(ResponsePlan plan, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(destination);
        JsonSerializer.Serialize(destination, plan, ResponseJsonContext.Default.ResponsePlan);
    }

    /// <summary>Reads a plan back from JSON text; never throws on bad input.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="plan">The plan, when read.</param>
    /// <param name="error">What is wrong and where, when not.</param>
    /// <returns>True when the plan was read.</returns>
    public static bool TryParse(string json, [NotNullWhen(true)] out ResponsePlan? plan, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            plan = JsonSerializer.Deserialize(json, ResponseJsonContext.Default.ResponsePlan);
            if (plan is null)
            {
                error = "The JSON holds null, not a response plan.";
                return false;
            }

            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            plan = null;
            error = ErrorTranslator.Translate(ex).ToString();
            return false;
        }
    }
}
