using System.Globalization;

namespace Traceability.Domain.Gs1;

/// <summary>
/// A date in a GS1 element string (AIs 11 to 17): YYMMDD, where day 00 means "some day of that month" (GS1 General
/// Specifications §3.4.7: the day may be left unspecified). The century is not in the data: <see cref="Parse"/>
/// places the year in the hundred years around <c>today</c> by the rule of §7.12.
/// </summary>
public sealed record Gs1Date
{
    private Gs1Date(int year, int month, int? day)
    {
        Year = year;
        Month = month;
        Day = day;
    }

    public int Year { get; }
    public int Month { get; }

    /// <summary>Null when the element string gave day 00.</summary>
    public int? Day { get; }

    public static Gs1Date Of(DateOnly date) => new(date.Year, date.Month, date.Day);

    /// <exception cref="FormatException">Not six digits, or no such month or day.</exception>
    public static Gs1Date Parse(string yymmdd, DateOnly today)
    {
        if (yymmdd.Length != 6 || !Gs1Text.AllDigits(yymmdd))
            throw new FormatException($"date {Gs1Text.Quote(yymmdd)} must be six digits YYMMDD");
        int yy = int.Parse(yymmdd.AsSpan(0, 2), CultureInfo.InvariantCulture),
            mm = int.Parse(yymmdd.AsSpan(2, 2), CultureInfo.InvariantCulture),
            dd = int.Parse(yymmdd.AsSpan(4, 2), CultureInfo.InvariantCulture);
        var year = Century(yy, today.Year) + yy;
        if (mm is < 1 or > 12)
            throw new FormatException($"date {yymmdd} has month {mm:00}; months run from 01 to 12");
        if (dd > DateTime.DaysInMonth(year, mm))
            throw new FormatException($"date {yymmdd} has day {dd:00}, but {year}-{mm:00} has {DateTime.DaysInMonth(year, mm)} days");
        return new Gs1Date(year, mm, dd == 0 ? null : dd);
    }

    /// <summary>
    /// §7.12: a two-digit year 51 to 99 years ahead of this year's is last century's, one 50 to 99 years behind it
    /// next century's, any other this century's.
    /// </summary>
    private static int Century(int yy, int currentYear)
    {
        var difference = yy - currentYear % 100;
        var century = currentYear / 100 * 100;
        return difference switch
        {
            >= 51 => century - 100,
            <= -50 => century + 100,
            _ => century,
        };
    }

    /// <summary>Whether the two-digit year reads back as this date's year around <paramref name="today"/>.</summary>
    public bool IsExpressibleAround(DateOnly today) => Century(Year % 100, today.Year) + Year % 100 == Year;

    /// <summary>The six digits in an element string.</summary>
    public string ToYymmdd() => string.Create(CultureInfo.InvariantCulture, $"{Year % 100:00}{Month:00}{Day ?? 0:00}");

    /// <summary>ISO 8601: 2027-05-12, or 2027-05 when the day is unspecified.</summary>
    public override string ToString() =>
        Day is { } d
            ? string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Month:00}-{d:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Month:00}");
}
