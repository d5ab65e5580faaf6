using CsCheck;
using Traceability.Domain.Epcis.Hashing;

namespace Traceability.Domain.Tests.Hashing;

public class EventIdFormat
{
    [Fact]
    public void IdIsTheNiUriOfTheSha256OfThePreHash()
    {
        var @event = HashingTestEvents.ObjectEvent();
        var expected = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(EventHash.PreHash(@event)));

        var id = EventHash.ComputeId(@event);

        Assert.Matches("^ni:///sha-256;[0-9a-f]{64}\\?ver=CBV2\\.0$", id);
        Assert.Equal(expected, EventHash.Digest(id));
    }

    [Fact]
    public void DigestAndFromDigestAreInverses() =>
        Gen.Byte.Array[32].Sample(digest => EventHash.Digest(EventHash.FromDigest(digest)).AsSpan().SequenceEqual(digest));

    [Theory]
    [InlineData("ni:///sha-256;FFA491B16867E34A7791A8D5389D826AFC24E63A121026B6A4004ACE38631B4B?ver=CBV2.0")]
    [InlineData("ni:///sha-256;ffa491b16867e34a7791a8d5389d826afc24e63a121026b6a4004ace38631b4?ver=CBV2.0")]
    [InlineData("ni:///sha-256;ffa491b16867e34a7791a8d5389d826afc24e63a121026b6a4004ace38631b4b")]
    [InlineData("ni:///sha-384;ffa491b16867e34a7791a8d5389d826afc24e63a121026b6a4004ace38631b4b?ver=CBV2.0")]
    [InlineData("ni:///sha-256;ffa491b16867e34a7791a8d5389d826afc24e63a121026b6a4004ace38631b4b?ver=CBV2.1")]
    [InlineData("ni:///sha-256;gfa491b16867e34a7791a8d5389d826afc24e63a121026b6a4004ace38631b4b?ver=CBV2.0")]
    [InlineData(" ni:///sha-256;ffa491b16867e34a7791a8d5389d826afc24e63a121026b6a4004ace38631b4b?ver=CBV2.0")]
    [InlineData("urn:uuid:374d95fc-9457-4a51-bd6a-0bba133845a8")]
    public void DigestRejectsAnythingButTheExactForm(string id) => Assert.Throws<FormatException>(() => EventHash.Digest(id));

    [Fact]
    public void FromDigestRejectsDigestsThatAreNot32Bytes() =>
        Assert.Throws<ArgumentException>(() => EventHash.FromDigest(new byte[31]));
}
