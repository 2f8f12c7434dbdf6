using System.Text;
using Compliance.Host;

Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
return ComplianceCli.Run(args, Console.Out, Console.Error, TimeProvider.System);
