using System.Text.Json.Nodes;

namespace GuoduActors.Tests.Infrastructure;

/// <summary>
/// The shipped catalogue with the emergency class's first-response target shortened, written to a temporary file a real
/// silo process reads (<c>Sla:CataloguePath</c>): still valid, since emergency is the most urgent class. Lets a test see
/// the product escalate on its own clock within seconds. Disposing deletes the file.
/// </summary>
public sealed class ShortSlaCatalogue : IDisposable
{
    private ShortSlaCatalogue(string path, TimeSpan emergencyFirstResponse)
    {
        Path = path;
        EmergencyFirstResponse = emergencyFirstResponse;
    }

    public string Path { get; }

    public TimeSpan EmergencyFirstResponse { get; }

    /// <summary>The silo setting that makes a silo read this catalogue.</summary>
    public KeyValuePair<string, string> Setting => new("Sla:CataloguePath", Path);

    public static ShortSlaCatalogue Write(TimeSpan emergencyFirstResponse)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"guodu-catalogue-{Guid.NewGuid():N}.json");
        var catalogue = JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(Repo.Root, "silo", "catalogue.json")))!;
        var emergency = catalogue["priorityClasses"]!.AsArray().Single(p => (string?)p!["code"] == "emergency")!;
        emergency["firstResponse"] = emergencyFirstResponse.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllText(path, catalogue.ToJsonString());
        return new ShortSlaCatalogue(path, emergencyFirstResponse);
    }

    public void Dispose() => File.Delete(Path);
}
