namespace Traceability.Ledger.Evm;

/// <summary>A keystore file could not be opened: wrong password, or a malformed or unsupported file.</summary>
public sealed class KeystoreException : Exception
{
    public KeystoreException(string message)
        : base(message)
    {
    }

    public KeystoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
