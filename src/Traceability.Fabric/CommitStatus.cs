namespace Traceability.Fabric;

/// <summary>
/// How a transaction ended on the ledger: its validation code by Fabric's name (VALID, MVCC_READ_CONFLICT,
/// ENDORSEMENT_POLICY_FAILURE, …) and number, and the block that holds it.
/// </summary>
public sealed record CommitStatus(string TransactionId, string Code, int CodeNumber, ulong BlockNumber)
{
    public bool Successful => CodeNumber == 0;

    internal static CommitStatus From(string transactionId, Protos.TxValidationCode code, ulong blockNumber) =>
        new(transactionId, Protos.TransactionReflection.Descriptor.EnumTypes.Single(e => e.Name == "TxValidationCode").FindValueByNumber((int)code)?.Name
            ?? ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture), (int)code, blockNumber);
}
