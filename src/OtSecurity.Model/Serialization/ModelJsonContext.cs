using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using OtSecurity.Model.Alerts;
using OtSecurity.Model.Assets;
using OtSecurity.Model.Conduits;
using OtSecurity.Model.Sites;
using OtSecurity.Model.Vendors;

namespace OtSecurity.Model.Serialization;

/// <summary>
/// The source-generated System.Text.Json contract for the model: camelCase names, enums as camelCase strings,
/// nulls omitted, unknown properties and nulls in non-nullable places rejected.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowTrailingCommas = false,
    AllowDuplicateProperties = false,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    Converters =
    [
        typeof(SecurityLevelVectorJsonConverter),
        typeof(IPAddressJsonConverter),
        typeof(PhysicalAddressJsonConverter),
        typeof(DateOnlyJsonConverter),
        typeof(TimeOnlyJsonConverter),
        typeof(CamelCaseEnumConverter<AssetKind>),
        typeof(CamelCaseEnumConverter<PurdueLevel>),
        typeof(CamelCaseEnumConverter<Criticality>),
        typeof(CamelCaseEnumConverter<SafetyRole>),
        typeof(CamelCaseEnumConverter<Patchability>),
        typeof(CamelCaseEnumConverter<SegmentationLevel>),
        typeof(CamelCaseEnumConverter<ChannelKind>),
        typeof(CamelCaseEnumConverter<RemoteAccessMethod>),
        typeof(CamelCaseEnumConverter<EnvironmentClass>),
        typeof(CamelCaseEnumConverter<DayOfWeek>),
        typeof(CamelCaseEnumConverter<AlertSeverity>),
    ])]
[JsonSerializable(typeof(SiteModel))]
[JsonSerializable(typeof(Alert))]
[JsonSerializable(typeof(ImmutableArray<Alert>))]
internal sealed partial class ModelJsonContext : JsonSerializerContext;
