using System.ComponentModel.DataAnnotations;

namespace GuoduActors.Silo.Auth;

/// <summary>Section <c>Auth</c>: local users with hashed passwords (ASP.NET Core Identity's PBKDF2 format).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public List<LocalUser> Users { get; set; } = [];
}

public sealed class LocalUser
{
    [Required, RegularExpression("^[a-z0-9][a-z0-9._-]{0,63}$")] public string UserName { get; set; } = "";
    public string? DisplayName { get; set; }
    [Required] public ActorRole Role { get; set; }
    /// <summary>Stations a station-staff user works for; a level-1 station also covers its level-2 stations.</summary>
    public List<string> Stations { get; set; } = [];
    /// <summary>The team a team lead leads.</summary>
    public string? Team { get; set; }
    /// <summary>Made with <c>dotnet run --project silo -- hash-password</c>; never a plain password.</summary>
    [Required] public string PasswordHash { get; set; } = "";
}
