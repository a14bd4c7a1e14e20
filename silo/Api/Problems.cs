namespace GuoduActors.Silo.Api;

/// <summary>Turns the domain's refusals into RFC 9457 problem responses, one status code per kind of refusal.</summary>
internal static class Problems
{
    public static IResult From(DomainRefusalException refusal) => refusal.Kind switch
    {
        RefusalKind.NotFound => Problem(StatusCodes.Status404NotFound, "Not found", refusal.Message),
        RefusalKind.Invalid => Problem(StatusCodes.Status400BadRequest, "Invalid request", refusal.Message),
        RefusalKind.Conflict => Problem(StatusCodes.Status409Conflict, "Conflict", refusal.Message),
        RefusalKind.Forbidden => Problem(StatusCodes.Status403Forbidden, "Forbidden", refusal.Message),
        _ => Problem(StatusCodes.Status400BadRequest, "Refused", refusal.Message),
    };

    public static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    public static IResult Validation(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: "The request has invalid fields.");

    public static IResult SignInRequired(string what) =>
        Problem(StatusCodes.Status401Unauthorized, "Sign in", $"Sign in to {what}.");

    /// <summary>Runs a grain call for a signed-in actor, answering 401 without one and a refusal as its problem.</summary>
    public static Task<IResult> AsActor(HttpContext http, string what, Func<Actor, Task<IResult>> call) =>
        http.User.ToActor() is { } actor ? Guard(() => call(actor)) : Task.FromResult(SignInRequired(what));

    /// <summary>Runs a grain call, answering a refusal as its problem response.</summary>
    public static async Task<IResult> Guard(Func<Task<IResult>> call)
    {
        try
        {
            return await call();
        }
        catch (DomainRefusalException refusal)
        {
            return From(refusal);
        }
    }
}
