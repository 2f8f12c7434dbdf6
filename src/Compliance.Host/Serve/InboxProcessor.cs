using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Compliance.Engine.Alerts;
using Compliance.Engine.Ingest;
using Compliance.Engine.Storage;
using Microsoft.Extensions.Logging;

namespace Compliance.Host.Serve;

/// <summary>
/// Picks exports up from the inbox. A file is read only once it is complete: it must look the same (size and
/// modification time) on two scans in a row and open for exclusive reading. The same content twice (by SHA-256)
/// does nothing new. A file that names no feed or is unusable whole (undecodable, required columns missing) is
/// moved to <c>rejected/</c> beside a <c>.reasons.txt</c>. Accepted files replace their feed in <c>current/</c>,
/// are archived as they arrived, and the current feeds are judged once for the whole batch.
/// </summary>
internal sealed class InboxProcessor(HomeFolders home, LedgerRunner runner, RuleSetProvider rules, LedgerAccess access, TimeProvider clock, ILogger<InboxProcessor> log)
{
    private readonly Dictionary<string, (long Length, DateTime Written)> _seen = new(StringComparer.Ordinal);

    // The rule set under which judging the accepted exports last failed (a custom rule throwing on the data, say):
    // the same rule set on the same files fails the same way, so a scan retries only once either has changed,
    // instead of re-judging a million rows every thirty seconds.
    private string? _failedUnder;

    /// <summary>One pass over the inbox; files still being written wait for the next pass.</summary>
    public async Task<IReadOnlyList<InboxFile>> Scan(CancellationToken cancellationToken)
    {
        home.Create();
        rules.Refresh();
        var ready = new List<string>();
        var present = Directory.GetFiles(home.Inbox).Where(f => !FeedNames.IsInProgress(Path.GetFileName(f))).Order(StringComparer.Ordinal).ToList();
        foreach (var path in present)
        {
            var info = new FileInfo(path);
            var look = (info.Length, info.LastWriteTimeUtc);
            if (_seen.TryGetValue(path, out var before) && before == look && CanOpenExclusively(path))
            {
                ready.Add(path);
                _seen.Remove(path);
            }
            else
            {
                _seen[path] = look;
            }
        }
        foreach (var gone in _seen.Keys.Except(present, StringComparer.Ordinal).ToList())
        {
            _seen.Remove(gone);
        }
        // Without any rule set (a host restarted with a broken one) nothing can be judged: the exports wait for one.
        var retry = rules.TryCurrent() is { } current && _failedUnder != current.RuleSet.Label && AnyUnjudged();
        return ready.Count == 0 && !retry ? [] : await Accept(ready, "inbox", move: true, cancellationToken);
    }

    /// <summary>Takes complete files (from the inbox, or named on the command line) and judges once if any was new.</summary>
    public Task<IReadOnlyList<InboxFile>> Accept(IReadOnlyList<string> paths, string trigger, bool move, CancellationToken cancellationToken)
    {
        home.Create();
        return runner.Exclusive(() =>
        {
            var outcomes = new List<InboxFile>();
            var accepted = new List<long>();
            foreach (var path in paths)
            {
                outcomes.Add(Take(path, move, accepted));
            }
            // Exports accepted earlier whose run never happened (the process died in between) are judged with these.
            accepted.AddRange(Unjudged().Except(accepted));
            if (accepted.Count > 0)
            {
                RunOutcome? run;
                try
                {
                    run = runner.JudgeNow(trigger);
                    _failedUnder = null;
                }
                catch (Exception)
                {
                    _failedUnder = rules.TryCurrent()?.RuleSet.Label;
                    throw;
                }
                if (run is not null)
                {
                    using var db = access.Store.CreateDb();
                    foreach (var row in db.InboxFiles.Where(f => accepted.Contains(f.Id)))
                    {
                        row.RunId = run.RunId;
                    }
                    db.SaveChanges();
                }
            }
            return (IReadOnlyList<InboxFile>)outcomes;
        }, cancellationToken);
    }

    private bool AnyUnjudged()
    {
        using var db = access.Store.CreateDb();
        return db.InboxFiles.Any(f => f.Outcome == InboxFile.Accepted && f.RunId == null);
    }

    private List<long> Unjudged()
    {
        using var db = access.Store.CreateDb();
        return db.InboxFiles.Where(f => f.Outcome == InboxFile.Accepted && f.RunId == null).Select(f => f.Id).ToList();
    }

    private InboxFile Take(string path, bool move, List<long> accepted)
    {
        var name = Path.GetFileName(path);
        var feed = FeedNames.FeedOf(name);
        if (feed is null)
        {
            return Reject(path, move, "", "",
                "文件名无法识别为数据种类：应以 cases/procedures/charges/stages（或 办件/特别程序/收费/重点项目环节）开头，扩展名为 .csv、.json 或 .xlsx。");
        }
        var sha = Sha256Of(path);
        using (var db = access.Store.CreateDb())
        {
            if (db.InboxFiles.Any(f => f.Sha256 == sha && f.Outcome == InboxFile.Accepted))
            {
                log.LogInformation("{File} has the content of an export already taken ({Sha}); nothing new", name, sha[..12]);
                Archive(path, move, sha, "duplicate-");
                return new InboxFile(name, InboxFile.Duplicate, "内容与已接收的文件相同，未重复处理。");
            }
        }
        var problems = WholeFileProblems(path, feed);
        if (problems.Count > 0)
        {
            return Reject(path, move, feed, sha, string.Join("\n", problems));
        }
        var extension = Path.GetExtension(name).ToLowerInvariant();
        foreach (var old in FeedNames.Extensions.Select(e => Path.Combine(home.Current, feed + e)).Where(File.Exists))
        {
            File.Delete(old);
        }
        var staged = Path.Combine(home.Current, "." + feed + extension + ".new");
        File.Copy(path, staged, overwrite: true);
        File.Move(staged, Path.Combine(home.Current, feed + extension), overwrite: true);
        Archive(path, move, sha, "");
        using (var db = access.Store.CreateDb())
        {
            var row = new InboxFileRow { Sha256 = sha, Name = name, Feed = feed, ReceivedAt = clock.GetUtcNow(), Outcome = InboxFile.Accepted, Reason = "" };
            db.InboxFiles.Add(row);
            db.SaveChanges();
            accepted.Add(row.Id);
        }
        log.LogInformation("{File} accepted as the {Feed} feed ({Sha})", name, feed, sha[..12]);
        return new InboxFile(name, InboxFile.Accepted, feed);
    }

    // Reads the file alone, as the feed it claims to be: row problems are for the run to report, but a file
    // rejected whole (undecodable, required columns missing) would silently empty its feed, so it is refused here.
    // It is read under its own name, so that the reasons name the file the unit dropped.
    private List<string> WholeFileProblems(string path, string feed)
    {
        FeedData data;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
            data = FeedReader.ReadStream(feed, stream, Path.GetFileName(path), rules.Current().RuleSet.Stages);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [$"{RejectReason.BadFile}：文件 {Path.GetFileName(path)} 无法打开（{ReadFailure.Reason(e)}）"];
        }
        return data.Rejects.Where(r => r.WholeFile).Select(r => $"{r.Reason}：{r.Message}").ToList();
    }

    private InboxFile Reject(string path, bool move, string feed, string sha, string reasons)
    {
        var name = Path.GetFileName(path);
        var stamp = clock.GetUtcNow().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var target = Path.Combine(home.Rejected, $"{stamp}-{name}");
        if (move)
        {
            File.Move(path, target, overwrite: true);
        }
        else
        {
            File.Copy(path, target, overwrite: true);
        }
        var beijing = clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        File.WriteAllText(target + ".reasons.txt", $"文件：{name}\n拒收时间：{beijing}（北京时间）\n原因：\n{reasons}\n", new UTF8Encoding(false));
        using (var db = access.Store.CreateDb())
        {
            db.InboxFiles.Add(new InboxFileRow
            {
                Sha256 = sha.Length > 0 ? sha : Sha256Of(target),
                Name = name,
                Feed = feed,
                ReceivedAt = clock.GetUtcNow(),
                Outcome = InboxFile.Rejected,
                Reason = reasons,
            });
            db.SaveChanges();
        }
        log.LogWarning("{File} rejected and moved to {Target}: {Reasons}", name, target, reasons);
        return new InboxFile(name, InboxFile.Rejected, reasons);
    }

    private void Archive(string path, bool move, string sha, string prefix)
    {
        var target = Path.Combine(home.Archive, $"{prefix}{sha[..12]}-{Path.GetFileName(path)}");
        if (move)
        {
            File.Move(path, target, overwrite: true);
        }
        else if (!File.Exists(target))
        {
            File.Copy(path, target);
        }
    }

    private static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static bool CanOpenExclusively(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
