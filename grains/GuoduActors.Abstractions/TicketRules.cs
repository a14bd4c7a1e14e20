using System.Text.RegularExpressions;

namespace GuoduActors;

/// <summary>
/// The rules every new ticket must satisfy. One place, used by the HTTP layer (to answer 400 before any grain
/// is touched) and by the grains (so that no other caller can bypass them).
/// </summary>
public static partial class TicketRules
{
    public const int MaxDescriptionLength = 2000;
    public const int MaxNameLength = 50;
    public const int MaxAddressLength = 200;
    public const int MaxCategoryCodeLength = 64;
    public const int MaxRequestKeyLength = 100;

    /// <summary>Field name → messages; empty when the ticket is acceptable.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(NewTicket? ticket)
    {
        var errors = new Dictionary<string, string[]>();
        if (ticket is null)
        {
            errors["body"] = ["A JSON body with description and residentPhone is required."];
            return errors;
        }

        if (string.IsNullOrWhiteSpace(ticket.Description))
            errors["description"] = ["The description is required."];
        else if (ticket.Description.Length > MaxDescriptionLength)
            errors["description"] = [$"The description must be at most {MaxDescriptionLength} characters."];

        if (string.IsNullOrWhiteSpace(ticket.ResidentPhone))
            errors["residentPhone"] = ["The resident's phone number is required."];
        else if (!PhonePattern().IsMatch(ticket.ResidentPhone))
            errors["residentPhone"] = ["The phone number must be 5 to 20 digits, optionally with +, - or spaces."];

        if (ticket.ResidentName is { Length: > MaxNameLength })
            errors["residentName"] = [$"The resident's name must be at most {MaxNameLength} characters."];
        if (ticket.Address is { Length: > MaxAddressLength })
            errors["address"] = [$"The address must be at most {MaxAddressLength} characters."];
        if (ticket.CategoryCode is { } code && (code.Length > MaxCategoryCodeLength || !CodePattern().IsMatch(code)))
            errors["categoryCode"] = ["The category code must be lower-case letters, digits and dashes, at most 64 characters."];
        return errors;
    }

    /// <summary>Whether a client-supplied idempotency key is usable in a grain key.</summary>
    public static bool IsValidRequestKey(string key) =>
        key.Length is > 0 and <= MaxRequestKeyLength && CodeOrKeyPattern().IsMatch(key);

    /// <summary>Masks personal contact data for people outside the owning station: <c>13812341234</c> → <c>138****1234</c>.</summary>
    public static string MaskPhone(string phone)
    {
        var digits = phone.Where(char.IsAsciiDigit).ToArray();
        if (digits.Length < 7)
            return new string('*', digits.Length);
        return string.Concat(new string(digits[..3]), "****", new string(digits[^4..]));
    }

    /// <summary>Whether two phone numbers are the same, ignoring spaces, dashes and a leading +86.</summary>
    public static bool SamePhone(string a, string b) => NormalisePhone(a) == NormalisePhone(b);

    private static string NormalisePhone(string phone)
    {
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal) ? digits[2..] : digits;
    }

    /// <summary>Masks a name to its first character: <c>张三丰</c> → <c>张**</c>.</summary>
    public static string MaskName(string name) =>
        name.Length <= 1 ? "*" : string.Concat(name.AsSpan(0, 1), new string('*', name.Length - 1));

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{3,18}[0-9]$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[A-Za-z0-9._:-]+$")]
    private static partial Regex CodeOrKeyPattern();
}

/// <summary>Ticket ids of the form <c>GD-yyyyMMdd-NNNN</c>.</summary>
public static partial class TicketIds
{
    public const string Prefix = "GD";

    /// <summary>China Standard Time, the sub-district's clock for ids, reports and display.</summary>
    public static readonly TimeZoneInfo ChinaStandardTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>The day key (<c>yyyyMMdd</c> in China Standard Time) under which a ticket registered at <paramref name="at"/> is numbered.</summary>
    public static string DayKey(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, ChinaStandardTime).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    public static string Format(string dayKey, int number) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Prefix}-{dayKey}-{number:D4}");

    public static bool IsWellFormed(string id) => IdPattern().IsMatch(id);

    /// <summary>How many numbers a silo's intake takes from the day's sequence at once: the most one storage transaction holds.</summary>
    public const int BlockSize = 100;

    /// <summary>The first number of the block holding <paramref name="number"/> (blocks start at 1, 101, 201, …).</summary>
    public static int BlockStartOf(int number) => (number - 1) / BlockSize * BlockSize + 1;

    /// <summary>
    /// The storage partition of a block of ids, <c>GD-yyyyMMdd-b{start}</c>: the tickets of one block are stored together,
    /// so that the registrations arriving at one silo's intake are written in one transaction.
    /// </summary>
    public static string BlockPartition(string dayKey, int blockStart) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Prefix}-{dayKey}-b{blockStart}");

    /// <summary>The partition of <paramref name="ticketId"/>'s block; ids of another shape share one partition of their own.</summary>
    public static string BlockPartitionOf(string ticketId) =>
        TryParse(ticketId, out var dayKey, out var number) ? BlockPartition(dayKey, BlockStartOf(number)) : "other";

    /// <summary>The day key (<c>yyyyMMdd</c>) and number of a well-formed id, the inverse of <see cref="Format"/>.</summary>
    public static bool TryParse(string ticketId, out string dayKey, out int number)
    {
        dayKey = "";
        number = 0;
        if (!IsWellFormed(ticketId) || !int.TryParse(ticketId.AsSpan(12), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number))
            return false;
        dayKey = ticketId[3..11];
        return true;
    }

    [GeneratedRegex(@"^GD-\d{8}-\d{4,9}$")]
    private static partial Regex IdPattern();
}
