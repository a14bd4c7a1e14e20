using System.Reflection;

namespace GuoduActors.Tests.Infrastructure;

/// <summary>Files of the repository under test, found by walking up from the test binaries to the solution.</summary>
public static class Repo
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder holding <c>GuoduActors.sln</c>.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The roster the product ships (<c>silo/roster.json</c>).</summary>
    public static string ShippedRosterPath => Path.Combine(Root, "silo", "roster.json");

    /// <summary>The silo's build output of the same configuration as these tests (Debug or Release).</summary>
    public static string SiloBinaries => Path.Combine(Root, "silo", "bin", Metadata("BuildConfiguration"), Metadata("TargetFramework"));

    public static string SiloDll => Path.Combine(SiloBinaries, "GuoduActors.Silo.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GuoduActors.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"GuoduActors.sln was not found above {AppContext.BaseDirectory}.");
    }

    private static string Metadata(string key) =>
        typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The test assembly has no '{key}' metadata.");
}
