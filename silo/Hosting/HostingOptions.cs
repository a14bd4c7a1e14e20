using System.ComponentModel.DataAnnotations;

namespace GuoduActors.Silo.Hosting;

/// <summary>Where grain state, reminders and membership live.</summary>
public enum StorageMode
{
    /// <summary>Azure Tables: a real account when <c>ConnectionStrings:AzureStorage</c> is set, else the embedded Azurite.</summary>
    AzureStorage,

    /// <summary>In-process memory, single silo: for fast tests only; everything is lost on exit.</summary>
    Memory,
}

/// <summary>Section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";
    public const string ConnectionStringName = "AzureStorage";

    public StorageMode Mode { get; set; } = StorageMode.AzureStorage;
}

/// <summary>Section <c>Cluster</c>: the silo's identity and its ports.</summary>
public sealed class ClusterEndpointOptions
{
    public const string Section = "Cluster";

    [Required] public string ClusterId { get; set; } = "guodu";
    [Required] public string ServiceId { get; set; } = "guodu-actors";
    [Range(1, 65535)] public int SiloPort { get; set; } = 11111;
    [Range(1, 65535)] public int GatewayPort { get; set; } = 30000;
}

/// <summary>Section <c>Guodu</c>: the product's own settings.</summary>
public sealed class GuoduOptions
{
    public const string Section = "Guodu";

    /// <summary>The roster file; a relative path is resolved against the silo's content root, then its binaries.</summary>
    [Required] public string RosterPath { get; set; } = "roster.json";
}
