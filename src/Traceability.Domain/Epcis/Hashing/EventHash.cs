using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Traceability.Domain.Epcis.JsonLd;

namespace Traceability.Domain.Epcis.Hashing;

/// <summary>
/// The CBV 2.0 event hash (GS1 Core Business Vocabulary 2.0 §8.9, "EPCIS Event Hash ID"): a content identity for an
/// EPCIS event that does not depend on syntax, field order or identifier spelling, written as an RFC 6920 ni URI
/// <c>ni:///sha-256;{hex}?ver=CBV2.0</c>.
/// </summary>
public static class EventHash
{
    private const string Prefix = "ni:///sha-256;";
    private const string Suffix = "?ver=CBV2.0";
    private const int DigestLength = 32;

    /// <param name="event">The EPCIS 2.0 JSON-LD event as sent.</param>
    /// <param name="documentContext">
    /// The EPCIS document holding the event (for its @context and ignoreFields), or a bare JSON-LD context object;
    /// null for a stand-alone event, whose own @context then applies.
    /// </param>
    public static string ComputeId(JsonObject @event, JsonObject? documentContext = null) =>
        ComputeIdInScope(@event, EventScope.OfDocument(documentContext).ForEvent(@event));

    /// <summary>The id of an event whose scope (<see cref="EventScope.ForEvent"/>) capture resolved already.</summary>
    public static string ComputeIdInScope(JsonObject @event, EventScope scope)
    {
        var preHash = PreHashBuilder.Build(@event, new NamespaceMap(scope.Context), scope.IgnoredFields);
        var utf8 = Encoding.UTF8.GetBytes(preHash);
        Span<byte> digest = stackalloc byte[DigestLength];
        SHA256.HashData(utf8, digest);
        return FromDigest(digest);
    }

    /// <summary>The canonical string that <see cref="ComputeId"/> hashes, for diagnosis and comparison.</summary>
    public static string PreHash(JsonObject @event, JsonObject? documentContext = null)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var scope = EventScope.OfDocument(documentContext).ForEvent(@event);
        return PreHashBuilder.Build(@event, new NamespaceMap(scope.Context), scope.IgnoredFields);
    }

    /// <summary>The 32-byte SHA-256 digest inside an event id.</summary>
    /// <exception cref="FormatException">Not exactly <c>ni:///sha-256;</c>, 64 lowercase hex digits, <c>?ver=CBV2.0</c>.</exception>
    public static byte[] Digest(string eventId)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        var hex = eventId.AsSpan();
        if (eventId.Length != Prefix.Length + 2 * DigestLength + Suffix.Length
            || !hex.StartsWith(Prefix, StringComparison.Ordinal)
            || !hex.EndsWith(Suffix, StringComparison.Ordinal))
        {
            throw new FormatException($"'{eventId}' is not a CBV 2.0 event id of the form {Prefix}<64 hex digits>{Suffix}");
        }
        hex = hex.Slice(Prefix.Length, 2 * DigestLength);
        foreach (var c in hex)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f'))
                throw new FormatException($"'{eventId}' has a digest that is not 64 lowercase hex digits");
        }
        return Convert.FromHexString(hex);
    }

    /// <summary>The event id for a 32-byte SHA-256 digest.</summary>
    /// <exception cref="ArgumentException">The digest is not 32 bytes long.</exception>
    public static string FromDigest(ReadOnlySpan<byte> digest)
    {
        if (digest.Length != DigestLength)
            throw new ArgumentException($"A SHA-256 digest has {DigestLength} bytes, not {digest.Length}", nameof(digest));
        return Prefix + Convert.ToHexStringLower(digest) + Suffix;
    }
}
