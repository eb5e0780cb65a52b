using System.Text.Json.Serialization.Metadata;

namespace OtSecurity.Model.Serialization;

/// <summary>Looks up the JSON contract of a model type by its full name, to list the properties it accepts.</summary>
internal static class ModelTypes
{
    private static readonly Lazy<Dictionary<string, JsonTypeInfo>> ByName = new(Build);

    public static string KnownProperties(string fullTypeName) =>
        ByName.Value.TryGetValue(fullTypeName, out JsonTypeInfo? info)
            ? string.Join(", ", info.Properties.Where(static p => p.Set is not null).Select(static p => p.Name))
            : string.Empty;

    private static Dictionary<string, JsonTypeInfo> Build()
    {
        var result = new Dictionary<string, JsonTypeInfo>(StringComparer.Ordinal);
        Visit(ModelJsonContext.Default.SiteModel, result);
        Visit(ModelJsonContext.Default.Alert, result);
        return result;
    }

    private static void Visit(JsonTypeInfo info, Dictionary<string, JsonTypeInfo> seen)
    {
        if (info.Kind != JsonTypeInfoKind.Object || !seen.TryAdd(info.Type.FullName!, info))
        {
            return;
        }

        foreach (JsonPropertyInfo property in info.Properties)
        {
            Type type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(System.Collections.Immutable.ImmutableArray<>))
            {
                type = type.GetGenericArguments()[0];
            }

            if (ModelJsonContext.Default.GetTypeInfo(type) is { } nested)
            {
                Visit(nested, seen);
            }
        }
    }
}
