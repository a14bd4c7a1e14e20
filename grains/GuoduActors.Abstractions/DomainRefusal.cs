namespace GuoduActors;

/// <summary>Why the domain refused a request; the HTTP layer maps each kind to one status code.</summary>
public enum RefusalKind
{
    NotFound,
    Invalid,
    Conflict,
    Forbidden,
}

/// <summary>
/// A request the domain refuses and that changed nothing. Thrown by grains so that callers on any silo
/// receive the reason intact; never used for infrastructure failures.
/// </summary>
[GenerateSerializer]
public sealed class DomainRefusalException : Exception
{
    public DomainRefusalException(RefusalKind kind, string message) : base(message) => Kind = kind;

    [Id(0)]
    public RefusalKind Kind { get; }

    public static DomainRefusalException NotFound(string message) => new(RefusalKind.NotFound, message);
    public static DomainRefusalException Invalid(string message) => new(RefusalKind.Invalid, message);
    public static DomainRefusalException Conflict(string message) => new(RefusalKind.Conflict, message);
}
