namespace Traceability.Domain.Gs1;

/// <summary>Validation shared by the variable-length GS1 values spelt in character set 82 (lot, serial, GLN extension).</summary>
internal static class AlphanumericKeyText
{
    public static bool TryValidate(string? text, string name, int maxLength, out string error)
    {
        if (string.IsNullOrEmpty(text))
        {
            error = $"{name} is empty";
            return false;
        }
        if (text.Length > maxLength)
        {
            error = $"{name} {Gs1Text.Quote(text)} is {text.Length} characters long, at most {maxLength} are allowed";
            return false;
        }
        for (var i = 0; i < text.Length; i++)
        {
            if (!Gs1Text.IsCset82(text[i]))
            {
                error = $"{name} {Gs1Text.Quote(text)} contains {Gs1Text.Quote(text[i].ToString())} at position {i + 1}, "
                    + "which is not in the GS1 AI encodable character set 82";
                return false;
            }
        }
        error = "";
        return true;
    }
}
