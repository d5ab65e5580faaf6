using System.Security.Cryptography.X509Certificates;
using System.Text;
using Google.Protobuf;

namespace Traceability.Fabric;

/// <summary>
/// Who a client is on the ledger: its organisation's MSP id and its X.509 certificate in PEM, as Fabric
/// serializes it into every proposal and request (msp.SerializedIdentity).
/// </summary>
public sealed class Identity
{
    public Identity(string mspId, byte[] credentials)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mspId);
        ArgumentNullException.ThrowIfNull(credentials);
        MspId = mspId;
        Credentials = credentials;
        Certificate = X509Certificate2.CreateFromPem(Encoding.ASCII.GetString(credentials));
    }

    public string MspId { get; }

    /// <summary>The certificate's PEM bytes, exactly as sent to the peers.</summary>
    public byte[] Credentials { get; }

    public X509Certificate2 Certificate { get; }

    /// <summary>An identity from a PEM certificate file, e.g. an MSP folder's signcerts/…-cert.pem.</summary>
    public static Identity FromCertificateFile(string mspId, string certificatePath) =>
        new(mspId, File.ReadAllBytes(certificatePath));

    internal ByteString Serialize() =>
        new Msp.SerializedIdentity { Mspid = MspId, IdBytes = ByteString.CopyFrom(Credentials) }.ToByteString();
}
