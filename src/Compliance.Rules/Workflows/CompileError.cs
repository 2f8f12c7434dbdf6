using Newtonsoft.Json.Linq;

namespace Compliance.Rules.Workflows;

/// <summary>
/// One reason a rule does not compile, with the field it is in (<c>Expression</c>, <c>ErrorMessage</c>, …) and,
/// when known, the JSON value and the character of it to point at.
/// </summary>
internal sealed record CompileError(string Field, string Message, JToken? At, int? Offset);
