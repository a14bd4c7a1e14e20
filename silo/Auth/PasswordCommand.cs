using Microsoft.AspNetCore.Identity;

namespace GuoduActors.Silo.Auth;

/// <summary><c>dotnet run --project silo -- hash-password</c>: reads a password from standard input and prints the hash for Auth:Users.</summary>
internal static class PasswordCommand
{
    public static int Run(string[] args)
    {
        var password = args.Length > 1 ? args[1] : Console.In.ReadLine();
        if (string.IsNullOrEmpty(password) || password.Length < 8)
        {
            Console.Error.WriteLine("Give a password of at least 8 characters on standard input (or as the next argument).");
            return 2;
        }
        Console.WriteLine(new PasswordHasher<LocalUser>().HashPassword(new LocalUser(), password));
        return 0;
    }
}
