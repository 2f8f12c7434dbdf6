using System.Text;

namespace Compliance.Engine.Tests.Findings;

/// <summary>Runs a writer into memory and hands back its exact bytes, decoded strictly for readable assertions.</summary>
internal static class OutputBytes
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static byte[] Of(Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        return buffer.ToArray();
    }

    public static string Text(Action<Stream> write) => Strict.GetString(Of(write));
}
