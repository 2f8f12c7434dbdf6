namespace Compliance.Engine.Tests;

/// <summary>Tests that change how the garbage collector treats the whole process; they run with no other test alongside.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessGcCollection
{
    public const string Name = "Process-wide GC settings";
}
