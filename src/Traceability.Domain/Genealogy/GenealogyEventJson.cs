using System.Buffers;
using System.Text;
using System.Text.Json;
using Traceability.Domain.Epcis.Model;
using Traceability.Domain.Epcis.Validation;

namespace Traceability.Domain.Genealogy;

/// <summary>
/// A forward-only reader of the top-level fields <see cref="GenealogyEvent"/> needs, so that loading the graph from
/// a store of a million events does not build a JSON DOM for each. It reads exactly what <see cref="EpcisEvent"/>
/// would (same fields, same skipping of malformed entries); a property test holds the two together.
/// </summary>
internal static class GenealogyEventJson
{
    public static GenealogyEvent Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(json, buffer);
            return Read(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static GenealogyEvent Read(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                throw new FormatException("an EPCIS event is a JSON object");
            return ReadFields(ref reader);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"not readable as JSON: {ex.Message}", ex);
        }
    }

    private static GenealogyEvent ReadFields(ref Utf8JsonReader reader)
    {
        EventType? type = null;
        string? action = null, bizStep = null, bizLocation = null, parentId = null;
        List<string> epcs = [], classes = [], childEpcs = [], childClasses = [];
        List<string> inputEpcs = [], inputClasses = [], outputEpcs = [], outputClasses = [];
        List<string> sources = [], destinations = [];
        var hasErrorDeclaration = false;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "type": type = StringOrNull(ref reader) is { } t ? EventFields.ParseType(t) : null; break;
                case "action": action = StringOrNull(ref reader); break;
                case "bizStep": bizStep = StringOrNull(ref reader) is { } s ? Cbv.ShortName(s) : null; break;
                case "bizLocation": bizLocation = IdOf(ref reader); break;
                case "parentID": parentId = StringOrNull(ref reader); break;
                case "epcList": Strings(ref reader, epcs); break;
                case "childEPCs": Strings(ref reader, childEpcs); break;
                case "inputEPCList": Strings(ref reader, inputEpcs); break;
                case "outputEPCList": Strings(ref reader, outputEpcs); break;
                case "quantityList": Classes(ref reader, classes); break;
                case "childQuantityList": Classes(ref reader, childClasses); break;
                case "inputQuantityList": Classes(ref reader, inputClasses); break;
                case "outputQuantityList": Classes(ref reader, outputClasses); break;
                case "sourceList": PartyIds(ref reader, "source", sources); break;
                case "destinationList": PartyIds(ref reader, "destination", destinations); break;
                case "errorDeclaration": hasErrorDeclaration = reader.TokenType == JsonTokenType.StartObject; reader.Skip(); break;
                default: reader.Skip(); break;
            }
        }
        if (type is null) throw new FormatException("not an EPCIS event: unknown or missing type");

        return new GenealogyEvent(type.Value)
        {
            Action = action,
            BizStep = bizStep,
            BizLocation = bizLocation,
            ParentId = parentId,
            Objects = [.. epcs, .. classes],
            Children = [.. childEpcs, .. childClasses],
            Inputs = [.. inputEpcs, .. inputClasses],
            Outputs = [.. outputEpcs, .. outputClasses],
            Sources = sources,
            Destinations = destinations,
            HasErrorDeclaration = hasErrorDeclaration,
        };
    }

    private static string? StringOrNull(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String) return reader.GetString();
        reader.Skip();
        return null;
    }

    private static void Strings(ref Utf8JsonReader reader, List<string> into)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return;
        }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (StringOrNull(ref reader) is { } value) into.Add(value);
        }
    }

    /// <summary>The epcClass of each quantity element that has one.</summary>
    private static void Classes(ref Utf8JsonReader reader, List<string> into)
    {
        ForEachObject(ref reader, into, static (ref Utf8JsonReader r, List<string> list) =>
        {
            var fields = ReadStrings(ref r, "epcClass", null);
            if (fields.First is { } epcClass) list.Add(epcClass);
        });
    }

    /// <summary>The id of each source or destination that has both a type and an id, as the typed view requires.</summary>
    private static void PartyIds(ref Utf8JsonReader reader, string idName, List<string> into)
    {
        ForEachObject(ref reader, (into, idName), static (ref Utf8JsonReader r, (List<string> List, string IdName) state) =>
        {
            var fields = ReadStrings(ref r, state.IdName, "type");
            if (fields.First is { } id && fields.Second is not null) state.List.Add(id);
        });
    }

    private static string? IdOf(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }
        return ReadStrings(ref reader, "id", null).First;
    }

    private delegate void ObjectReader<in TState>(ref Utf8JsonReader reader, TState state);

    private static void ForEachObject<TState>(ref Utf8JsonReader reader, TState state, ObjectReader<TState> read)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return;
        }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject) read(ref reader, state);
            else reader.Skip();
        }
    }

    /// <summary>Reads an object (positioned on its start) to its end, keeping the string values of two named properties.</summary>
    private static (string? First, string? Second) ReadStrings(ref Utf8JsonReader reader, string first, string? second)
    {
        string? a = null, b = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isFirst = reader.ValueTextEquals(first);
            var isSecond = second is not null && reader.ValueTextEquals(second);
            reader.Read();
            if (isFirst) a = StringOrNull(ref reader);
            else if (isSecond) b = StringOrNull(ref reader);
            else reader.Skip();
        }
        return (a, b);
    }
}
