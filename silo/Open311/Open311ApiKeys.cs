using System.Security.Cryptography;
using System.Text;

namespace GuoduActors.Silo.Open311;

/// <summary>
/// The configured api_keys, held as SHA-256 digests. A presented key is compared with every digest in constant time,
/// so neither the comparison nor the number of keys tried reveals how much of a guess was right.
/// </summary>
internal sealed class Open311ApiKeys(IEnumerable<string> keys)
{
    private readonly byte[][] _digests = [.. keys.Select(Digest)];

    public bool Any => _digests.Length > 0;

    /// <summary>
    /// Whether <paramref name="presented"/> is a configured key. <paramref name="clientTag"/> names the client in request
    /// keys without revealing its key: the first 16 hex digits of the key's digest.
    /// </summary>
    public bool IsValid(string? presented, out string clientTag)
    {
        clientTag = "";
        if (string.IsNullOrEmpty(presented))
            return false;
        var digest = Digest(presented);
        var found = false;
        foreach (var known in _digests)
            found |= CryptographicOperations.FixedTimeEquals(digest, known);
        if (found)
            clientTag = Convert.ToHexStringLower(digest)[..16];
        return found;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
