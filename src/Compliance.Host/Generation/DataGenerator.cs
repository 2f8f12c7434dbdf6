using System.Text;

namespace Compliance.Host.Generation;

/// <summary>
/// Writes a deterministic data folder for a rule set: cases.csv, procedures.csv, charges.csv and stages.csv,
/// streamed row by row (millions of rows need no more memory than a few), with breaches and bad rows planted
/// where the summary says. The same options give the same bytes.
/// </summary>
public static class DataGenerator
{
    /// <summary>Charges per case, counter charges with no case included.</summary>
    public const double ChargesPerCase = 2.0;

    /// <summary>Key-project stages per case.</summary>
    public const double StagesPerCase = 0.1;

    /// <summary>Special procedures per case, about (they come with the cases that need them).</summary>
    public const double ProceduresPerCase = 0.05;

    private const int Gb18030CodePage = 54936;

    public static GenerationSummary Generate(GeneratorOptions options)
    {
        Validate(options);
        Directory.CreateDirectory(options.OutputDirectory);
        var context = new GenerationContext(options);
        var gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(Gb18030CodePage)
            ?? throw new InvalidOperationException("GB18030 (code page 54936) is not available from CodePagesEncodingProvider.");
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var utf8Bom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

        using var cases = options.CasesInGb18030
            ? Open(context, FeedLayout.Cases, gb18030, "GB18030", FeedLayout.CasesChinese, chinese: true)
            : Open(context, FeedLayout.Cases, utf8, "UTF-8", FeedLayout.CasesEnglish, chinese: false);
        using var procedures = Open(context, FeedLayout.Procedures, utf8, "UTF-8", FeedLayout.ProceduresChinese, chinese: true);
        using var charges = Open(context, FeedLayout.Charges, utf8Bom, "UTF-8 with BOM", FeedLayout.ChargesChinese, chinese: true);
        using var stages = Open(context, FeedLayout.Stages, utf8, "UTF-8", FeedLayout.StagesEnglish, chinese: false);

        new GenerationRun(context, cases, procedures, charges, stages).Execute();

        foreach (var output in new[] { cases, procedures, charges, stages })
        {
            output.Report();
        }
        return context.Summary;
    }

    private static FeedOutput Open(GenerationContext context, string feed, Encoding encoding, string encodingName, IReadOnlyList<string> headers, bool chinese)
    {
        var path = Path.Combine(context.Options.OutputDirectory, FeedLayout.FileName(feed));
        return new FeedOutput(feed, new CsvFeedWriter(path, encoding, headers), encodingName, chinese, context.Summary);
    }

    private static void Validate(GeneratorOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.OutputDirectory))
        {
            throw new ArgumentException("The output folder is empty.", nameof(options));
        }
        if (options.Cases < 0)
        {
            throw new ArgumentException($"The number of cases must not be negative (was {options.Cases}).", nameof(options));
        }
        if (options.BreachRate is < 0 or > 1 || double.IsNaN(options.BreachRate))
        {
            throw new ArgumentException($"The breach rate must lie between 0 and 1 (was {options.BreachRate}).", nameof(options));
        }
        if (options.BadRowsPerFeed < 0)
        {
            throw new ArgumentException($"The number of bad rows per feed must not be negative (was {options.BadRowsPerFeed}).", nameof(options));
        }
    }
}
