using System.Reflection;
using Compliance.Rules.Workflows;

namespace Compliance.Host.Tests;

// Here rather than beside the Rules tests: what RulesEngine's provider scans for is every assembly the program
// loads, and only the Host's tests ship all of them.
public class RuleTypeProviderTests
{
    [Fact]
    public void GetCustomTypes_EveryShippedAssemblyLoaded_SameAsRulesEnginesProvider()
    {
        foreach (var file in Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
        {
            try
            {
                Assembly.LoadFrom(file);
            }
            catch (Exception ex) when (ex is BadImageFormatException or FileLoadException)
            {
                // Not a managed assembly, or another version of one already loaded: nothing new to scan.
            }
        }

        var ours = new RuleTypeProvider(RuleCompiler.CustomTypes).GetCustomTypes();
        var rulesEngines = new RulesEngine.CustomTypeProvider(RuleCompiler.CustomTypes).GetCustomTypes();

        AppDomain.CurrentDomain.GetAssemblies().Should().Contain(a => a.GetName().Name == "Quartz", "the scan must see the whole program");
        ours.Should().BeEquivalentTo(rulesEngines);
    }
}
