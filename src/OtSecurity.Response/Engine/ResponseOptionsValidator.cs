using Microsoft.Extensions.Options;

namespace OtSecurity.Response.Engine;

/// <summary>The source-generated validator of <see cref="ResponseOptions"/> (ranges and the cross-field rules of <see cref="ResponseOptions.Validate"/>).</summary>
[OptionsValidator]
public sealed partial class ResponseOptionsValidator : IValidateOptions<ResponseOptions>;
