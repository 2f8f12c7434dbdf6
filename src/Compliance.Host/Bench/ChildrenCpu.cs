using System.Globalization;

namespace Compliance.Host.Bench;

/// <summary>
/// The processor time (user and system) of this process's children that have ended and been waited for, from
/// /proc/self/stat (cutime and cstime): read before and after a child runs, it gives that child's processor time,
/// a second measure beside wall time.
/// </summary>
internal static class ChildrenCpu
{
    /// <summary>Clock ticks per second of /proc's times: USER_HZ, 100 on Linux whatever the kernel's own rate.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>So far, or null where there is no /proc (not Linux).</summary>
    public static TimeSpan? Now()
    {
        try
        {
            return Parse(File.ReadAllText("/proc/self/stat"));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Children's user plus system time from the text of a /proc/[pid]/stat file.</summary>
    public static TimeSpan Parse(string stat)
    {
        // The command name, in parentheses, may hold spaces and parentheses itself: the fields start after its last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // After the name: state is field 3 of the file, cutime field 16 and cstime field 17.
        var ticks = long.Parse(fields[16 - 3], CultureInfo.InvariantCulture) + long.Parse(fields[17 - 3], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
