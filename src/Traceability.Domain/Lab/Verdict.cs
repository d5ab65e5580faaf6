namespace Traceability.Domain.Lab;

/// <summary>The lab's judgement of the sample against the limit.</summary>
public enum Verdict
{
    Pass,
    Fail,
}

/// <summary>The outcome of a qualitative (yes/no) rapid test.</summary>
public enum QualitativeResult
{
    /// <summary>Below the method's detection limit.</summary>
    Negative,
    Positive,
}

/// <summary>The lower-case words the API and the lab-result extension use for <see cref="Verdict"/> and <see cref="QualitativeResult"/>.</summary>
public static class LabWords
{
    public static string ToWord(this Verdict verdict) => verdict == Verdict.Pass ? "pass" : "fail";

    public static string ToWord(this QualitativeResult result) => result == QualitativeResult.Negative ? "negative" : "positive";

    public static Verdict? ParseVerdict(string? word) => word switch
    {
        "pass" => Verdict.Pass,
        "fail" => Verdict.Fail,
        _ => null,
    };

    public static QualitativeResult? ParseQualitative(string? word) => word switch
    {
        "negative" => QualitativeResult.Negative,
        "positive" => QualitativeResult.Positive,
        _ => null,
    };
}
