using System.Text.Json.Nodes;

namespace Traceability.Domain.Epcis.Validation;

/// <summary>quantityList and its siblings: <c>[{"epcClass": URI, "quantity"?: number, "uom"?: code}]</c>.</summary>
internal static class QuantityRules
{
    /// <summary>Checks the list; returns its length.</summary>
    public static int List(JsonNode? node, string path, ErrorList errors)
    {
        if (node is not JsonArray list)
        {
            errors.Add(path, $"must be an array of quantity elements; got {JsonValues.Describe(node)}");
            return 0;
        }
        for (var i = 0; i < list.Count; i++)
        {
            Element(list[i], JsonPath.Index(path, i), errors);
        }
        return list.Count;
    }

    private static void Element(JsonNode? node, string path, ErrorList errors)
    {
        if (node is not JsonObject element)
        {
            errors.Add(path, $"must be an object {{\"epcClass\", \"quantity\", \"uom\"}}; got {JsonValues.Describe(node)}");
            return;
        }
        var hasClass = false;
        foreach (var (name, value) in element)
        {
            var fieldPath = JsonPath.Property(path, name);
            switch (name)
            {
                case "epcClass":
                    hasClass = true;
                    ValueRules.Identifier(value, fieldPath, errors);
                    break;
                case "quantity":
                    Quantity(value, fieldPath, errors);
                    break;
                case "uom":
                    ValueRules.Uom(value, fieldPath, errors);
                    break;
                default:
                    // The schema closes quantity elements (additionalProperties: false).
                    errors.Add(fieldPath, $"'{name}' is not allowed here: a quantity element has only epcClass, quantity and uom");
                    break;
            }
        }
        if (!hasClass)
        {
            errors.Add(JsonPath.Property(path, "epcClass"), "a quantity element needs its epcClass");
        }
    }

    private static void Quantity(JsonNode? node, string path, ErrorList errors)
    {
        if (!JsonValues.IsNumber(node))
        {
            errors.Add(path, $"must be a JSON number, e.g. 20 or 12.5; got {JsonValues.Describe(node)}");
        }
        else if (!JsonValues.TryGetDecimal(node, out var quantity))
        {
            errors.Add(path, "is out of range");
        }
        else if (quantity < 0)
        {
            // An amount of objects or material cannot be negative; removals are expressed by the action.
            errors.Add(path, "must not be negative");
        }
    }
}
