using Compliance.Engine.Ingest;
using NRules.Fluent.Dsl;

namespace Compliance.Rules.CrossRecord;

/// <summary>stage.out-of-order: per project, each stage with prerequisites against the project's other rows.</summary>
[Name("stage.out-of-order")]
public sealed class StageOrderRule : Rule
{
    public override void Define()
    {
        StageOrderPolicy policy = default!;
        ProjectStages project = default!;
        IReadOnlyList<StageOrderBreach> breaches = default!;

        When()
            .Match(() => policy)
            .Match(() => project)
            .Let(() => breaches, () => Breaches(project.Stages.Where(s => s.StartedOn <= policy.AsOf), policy))
            .Having(() => breaches.Count > 0);

        Then()
            .Do(ctx => Emit(ctx, breaches));
    }

    private static void Emit(NRules.RuleModel.IContext ctx, IReadOnlyList<StageOrderBreach> breaches)
    {
        foreach (var b in breaches)
        {
            ctx.InsertLinked(b.Stage.ProjectCode + "/" + b.Stage.Stage, b);
        }
    }

    private static List<StageOrderBreach> Breaches(IEnumerable<StageRecord> project, StageOrderPolicy policy)
    {
        var rows = project.ToList();
        var completed = new Dictionary<string, DateOnly?>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            completed[r.Stage] = r.CompletedOn is { } c && c <= policy.AsOf ? c : null;
        }
        var result = new List<StageOrderBreach>();
        foreach (var r in rows)
        {
            var prerequisites = policy.Stages.PrerequisitesOf(r.Stage);
            if (prerequisites.Count == 0)
            {
                continue;
            }
            var missing = new List<MissingPrerequisite>();
            foreach (var p in prerequisites)
            {
                var done = completed.TryGetValue(p, out var d) ? d : null;
                if (done is null || done.Value > r.StartedOn)
                {
                    missing.Add(new MissingPrerequisite(p, done));
                }
            }
            if (missing.Count > 0)
            {
                result.Add(new StageOrderBreach(r, prerequisites, missing));
            }
        }
        return result;
    }
}
