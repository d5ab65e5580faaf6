using System.Text.Json;
using System.Text.Json.Serialization;

namespace Traceability.Ledger.Evm;

/// <summary>Writes addresses as their EIP-55 string and reads any form <see cref="EvmAddress.Parse"/> accepts.</summary>
public sealed class EvmAddressJsonConverter : JsonConverter<EvmAddress>
{
    public override EvmAddress Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("An address must be a JSON string.");
        }

        return EvmAddress.TryParse(reader.GetString(), out var address)
            ? address
            : throw new JsonException($"'{reader.GetString()}' is not a valid address.");
    }

    public override void Write(Utf8JsonWriter writer, EvmAddress value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
