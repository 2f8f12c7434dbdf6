using System.Diagnostics;
using Compliance.Host.Bench;

namespace Compliance.Host.Tests.Bench;

public class ChildrenCpuTests
{
    [Fact]
    public void Parse_NameWithSpacesAndParentheses_SumsCutimeAndCstime()
    {
        // Fields 1–17 of proc(5): pid (comm) state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt
        // cmajflt utime stime cutime cstime, then the rest.
        var stat = "4242 (odd (name) x) S 1 4242 4242 0 -1 4194560 100 200 0 0 7 3 250 125 20 0 9 0";

        ChildrenCpu.Parse(stat).Should().Be(TimeSpan.FromSeconds(3.75));
    }

    [Fact]
    public void Now_AfterAChildBurnedProcessorTime_Grew()
    {
        if (ChildrenCpu.Now() is not { } before)
        {
            return;
        }
        using var child = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done"]))!;
        child.WaitForExit();

        (ChildrenCpu.Now() - before).Should().BePositive("the child counted to 300,000 in the shell");
    }
}
