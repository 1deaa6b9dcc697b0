//! Dates as people type them into spreadsheets: everything the data files take ([`FuzzyDate`]'s
//! `FromStr`), plus "Nov 2022", "November 2022", "c. November 2022", "circa 2022", "Q3 2024",
//! "FY2027" (a Japanese fiscal year unless the caller says otherwise), "2023/11/15" and "15 Nov 2023".
//!
//! Nothing is guessed: a numeric day and month that could be either way round (`03/04/2023`) is an
//! error whose hint shows both ISO readings; a two-digit year is an error.

use super::date::{FiscalCalendar, FuzzyDate, Period, Qualifier};

/// What the error messages say dates look like.
pub const EXPECTED: &str = "dates are YYYY-MM-DD, \"by 2025\", \"JFY2027\" …";

/// Why a loosely written date was not read: the message quotes the text and says what was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LooseDateError {
    /// `"2023/13/01": month 13 — dates are YYYY-MM-DD, "by 2025", "JFY2027" …`
    pub message: String,
    /// How to write it, when there is something useful to say.
    pub hint: Option<String>,
}

/// Qualifier words people write, longest first.
const QUALIFIERS: [(&str, Qualifier); 10] = [
    ("not before ", Qualifier::NotBefore),
    ("no earlier than ", Qualifier::NotBefore),
    ("planned for ", Qualifier::Planned),
    ("planned ", Qualifier::Planned),
    ("circa ", Qualifier::Circa),
    ("about ", Qualifier::Circa),
    ("ca. ", Qualifier::Circa),
    ("by ", Qualifier::By),
    ("c. ", Qualifier::Circa),
    ("~", Qualifier::Circa),
];

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// How `03/04/2023` is read: never guessed, unless the user said which comes first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum DayOrder {
    /// Only when the numbers say (13/04/2023 is day first); otherwise an error with both readings.
    #[default]
    Ask,
    /// Day, then month (most of the world).
    DayFirst,
    /// Month, then day (the United States).
    MonthFirst,
}

/// Reads a date as a person may type it; `fiscal` is whose fiscal year a bare "FY2027" is.
pub fn parse_loose(text: &str, fiscal: FiscalCalendar) -> Result<FuzzyDate, LooseDateError> {
    parse_loose_with(text, fiscal, DayOrder::Ask)
}

/// [`parse_loose`], with `03/04/2023` read in the `order` the user picked.
pub fn parse_loose_with(text: &str, fiscal: FiscalCalendar, order: DayOrder) -> Result<FuzzyDate, LooseDateError> {
    if let Ok(date) = text.parse::<FuzzyDate>() {
        return Ok(date);
    }
    let trimmed = text.trim();
    let fail = |why: &str| LooseDateError { message: format!("\"{trimmed}\": {why} — {EXPECTED}"), hint: None };
    if trimmed.is_empty() {
        return Err(fail("the date is empty"));
    }
    let lower = trimmed.to_lowercase();
    let (qualifier, body) = QUALIFIERS
        .iter()
        .find_map(|(word, q)| lower.strip_prefix(word).map(|rest| (*q, rest.trim())))
        .or_else(|| lower.strip_prefix("c.").map(|rest| (Qualifier::Circa, rest.trim())))
        .unwrap_or((Qualifier::Exact, lower.as_str()));
    let period = match body.parse::<FuzzyDate>() {
        Ok(date) if date.qualifier == Qualifier::Exact => date.period,
        _ => parse_period(body, fiscal, order).map_err(|e| match e {
            Why::Plain(why) => fail(&why),
            Why::Ambiguous { day, month, year } => LooseDateError {
                message: format!(
                    "\"{trimmed}\": {day:02}/{month:02} could be day/month or month/day — nothing is guessed"
                ),
                hint: Some(format!(
                    "write {year:04}-{month:02}-{day:02} ({day} {}) or {year:04}-{day:02}-{month:02} ({month} {})",
                    month_word(month),
                    month_word(day)
                )),
            },
        })?,
    };
    let period = period.validate().map_err(|why| {
        let short = match period {
            Period::Month(_, m) | Period::Day(_, m, _) if !(1..=12).contains(&m) => format!("month {m}"),
            _ => why,
        };
        fail(&short)
    })?;
    Ok(FuzzyDate { period, qualifier })
}

enum Why {
    Plain(String),
    Ambiguous { day: u8, month: u8, year: i32 },
}

fn plain(why: &str) -> Why {
    Why::Plain(why.to_owned())
}

fn month_word(month: u8) -> &'static str {
    super::calendar::month_abbrev(month)
}

/// One word of a date.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Token<'a> {
    /// Digits, with how many there were.
    Number(u32, usize),
    /// A month name or abbreviation.
    Month(u8),
    /// Q1–Q4.
    Quarter(u8),
    /// A fiscal-year marker: FY, JFY, USFY, with the year when written together ("FY2027").
    Fiscal(Option<FiscalCalendar>, Option<&'a str>),
    /// "us" (as in "US FY2025").
    Us,
    Other,
}

fn token(word: &str) -> Token<'_> {
    if !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()) {
        return word.parse().map_or(Token::Other, |n| Token::Number(n, word.len()));
    }
    for (prefix, cal) in [("usfy", Some(FiscalCalendar::Us)), ("jfy", Some(FiscalCalendar::Japan)), ("fy", None)] {
        if let Some(rest) = word.strip_prefix(prefix) {
            return Token::Fiscal(cal, (!rest.is_empty()).then_some(rest));
        }
    }
    if word == "us" {
        return Token::Us;
    }
    if let Some(q) = word.strip_prefix('q')
        && let Ok(q @ 1..=9) = q.parse::<u8>()
    {
        return Token::Quarter(q);
    }
    let stem = word.trim_end_matches('.');
    if stem.len() >= 3
        && let Some(i) = MONTHS.iter().position(|m| m.starts_with(stem) || (stem == "sept" && *m == "september"))
    {
        return Token::Month(u8::try_from(i + 1).unwrap_or(1));
    }
    Token::Other
}

fn year(n: u32, digits: usize) -> Result<i32, Why> {
    if digits < 3 {
        return Err(plain(&format!("{n} is not a full year (write four digits)")));
    }
    i32::try_from(n).map_err(|_| plain("the year is too large"))
}

fn small(n: u32) -> u8 {
    u8::try_from(n).unwrap_or(u8::MAX)
}

fn parse_period(body: &str, fiscal: FiscalCalendar, order: DayOrder) -> Result<Period, Why> {
    use Token::{Fiscal, Month, Number, Quarter, Us};
    let words: Vec<&str> = body.split([' ', ',', '/', '.', '-']).filter(|w| !w.is_empty()).collect();
    let tokens: Vec<Token<'_>> = words.iter().map(|w| token(w)).collect();
    match tokens.as_slice() {
        [Fiscal(cal, Some(y))] => fiscal_year(cal.unwrap_or(fiscal), y),
        [Fiscal(cal, None), Number(y, d)] => Ok(Period::FiscalYear(cal.unwrap_or(fiscal), year(*y, *d)?)),
        [Us, Fiscal(None, Some(y))] => fiscal_year(FiscalCalendar::Us, y),
        [Us, Fiscal(None, None), Number(y, d)] => Ok(Period::FiscalYear(FiscalCalendar::Us, year(*y, *d)?)),
        [Quarter(q), Number(y, d)] | [Number(y, d), Quarter(q)] => Ok(Period::Quarter(year(*y, *d)?, *q)),
        [Month(m), Number(y, d)] | [Number(y, d), Month(m)] if *d >= 3 => Ok(Period::Month(year(*y, *d)?, *m)),
        [Number(day, 1..=2), Month(m), Number(y, d)]
        | [Month(m), Number(day, 1..=2), Number(y, d)]
        | [Number(y, d), Month(m), Number(day, 1..=2)] => Ok(Period::Day(year(*y, *d)?, *m, small(*day))),
        [Number(y, d @ 3..), Number(m, 1..=2)] | [Number(m, 1..=2), Number(y, d @ 3..)] => {
            Ok(Period::Month(year(*y, *d)?, small(*m)))
        }
        [Number(y, d @ 3..), Number(m, 1..=2), Number(day, 1..=2)] => {
            Ok(Period::Day(year(*y, *d)?, small(*m), small(*day)))
        }
        [Number(a, 1..=2), Number(b, 1..=2), Number(y, d)] => day_month(*a, *b, year(*y, *d)?, order),
        [Fiscal(..) | Us, ..] => Err(plain("expected a fiscal year such as FY2027, JFY2027 or USFY2025")),
        [] => Err(plain("the date is empty")),
        _ => Err(plain("not a date")),
    }
}

fn fiscal_year(cal: FiscalCalendar, digits: &str) -> Result<Period, Why> {
    match token(digits) {
        Token::Number(y, d) => Ok(Period::FiscalYear(cal, year(y, d)?)),
        _ => Err(plain("expected a fiscal year such as FY2027, JFY2027 or USFY2025")),
    }
}

/// `a/b/year`: which of `a` and `b` is the day is read from the numbers, never guessed.
fn day_month(a: u32, b: u32, year: i32, order: DayOrder) -> Result<Period, Why> {
    let (a, b) = (small(a), small(b));
    let not_a_month =
        |m: u8, first: &str| plain(&format!("{m} is not a month, and the dates were said to be {first} first"));
    match (order, a > 12, b > 12) {
        (_, true, true) => Err(plain(&format!("neither {a} nor {b} is a month"))),
        (DayOrder::MonthFirst, true, false) => Err(not_a_month(a, "month")),
        (DayOrder::DayFirst, false, true) => Err(not_a_month(b, "day")),
        (_, true, false) | (DayOrder::DayFirst, false, false) => Ok(Period::Day(year, b, a)),
        (_, false, true) | (DayOrder::MonthFirst, false, false) => Ok(Period::Day(year, a, b)),
        (DayOrder::Ask, false, false) if a == b => Ok(Period::Day(year, a, a)),
        (DayOrder::Ask, false, false) => Err(Why::Ambiguous { day: a, month: b, year }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> String {
        parse_loose(text, FiscalCalendar::Japan)
            .map_or_else(|e| format!("error: {}", e.message), FuzzyDate::to_data_string)
    }

    #[test]
    fn reads_what_people_type() {
        for (text, want) in [
            ("2023-11-15", "2023-11-15"),
            ("by 2025", "by 2025"),
            ("c. 2022-11", "c. 2022-11"),
            ("USFY2025", "USFY2025"),
            ("Nov 2022", "2022-11"),
            ("November 2022", "2022-11"),
            ("c. November 2022", "c. 2022-11"),
            ("circa 2022", "c. 2022"),
            ("Q3 2024", "2024-Q3"),
            ("2024 Q3", "2024-Q3"),
            ("FY2027", "JFY2027"),
            ("FY 2027", "JFY2027"),
            ("US FY2025", "USFY2025"),
            ("2023/11/15", "2023-11-15"),
            ("15 Nov 2023", "2023-11-15"),
            ("Nov 15, 2023", "2023-11-15"),
            ("15/11/2023", "2023-11-15"),
            ("11/15/2023", "2023-11-15"),
            ("04/04/2023", "2023-04-04"),
            ("2023/11", "2023-11"),
            ("by Sept. 2025", "by 2025-09"),
            ("planned for Q1 2030", "planned 2030-Q1"),
            ("  2023  ", "2023"),
        ] {
            assert_eq!(words(text), want, "{text}");
        }
        assert_eq!(parse_loose("FY2025", FiscalCalendar::Us).map(FuzzyDate::to_data_string), Ok("USFY2025".into()));
    }

    #[test]
    fn ambiguous_day_and_month_is_an_error_with_both_readings() {
        let e = parse_loose("03/04/2023", FiscalCalendar::Japan).unwrap_err();
        assert_eq!(e.message, "\"03/04/2023\": 03/04 could be day/month or month/day — nothing is guessed");
        assert_eq!(e.hint.as_deref(), Some("write 2023-04-03 (3 Apr) or 2023-03-04 (4 Mar)"));
    }

    #[test]
    fn the_day_order_picked_reads_what_is_otherwise_ambiguous() {
        let read = |order| parse_loose_with("03/04/2023", FiscalCalendar::Japan, order).map(FuzzyDate::to_data_string);
        assert_eq!(read(DayOrder::DayFirst), Ok("2023-04-03".into()));
        assert_eq!(read(DayOrder::MonthFirst), Ok("2023-03-04".into()));
        assert!(read(DayOrder::Ask).is_err());
        // Numbers that contradict the order picked are an error, not read the other way.
        let read = |order| parse_loose_with("13/04/2023", FiscalCalendar::Japan, order).map(FuzzyDate::to_data_string);
        assert_eq!(read(DayOrder::Ask), Ok("2023-04-13".into()));
        assert_eq!(read(DayOrder::DayFirst), Ok("2023-04-13".into()));
        let e = read(DayOrder::MonthFirst).expect_err("13 is no month");
        assert!(e.message.contains("13 is not a month, and the dates were said to be month first"), "{}", e.message);
    }

    #[test]
    fn bad_dates_say_what_was_expected() {
        assert_eq!(
            words("2023/13/01"),
            "error: \"2023/13/01\": month 13 — dates are YYYY-MM-DD, \"by 2025\", \"JFY2027\" …"
        );
        assert_eq!(
            words("30 Feb 2023"),
            "error: \"30 Feb 2023\": 30 February 2023 does not exist (February has 28 days) — dates are YYYY-MM-DD, \"by 2025\", \"JFY2027\" …"
        );
        assert!(words("03/04/23").contains("not a full year"));
        assert!(words("soon").contains("not a date"));
        assert!(words("").contains("empty"));
        assert!(words("Q7 2023").contains("quarter 7"));
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_keeps_every_data_string(text in "\\PC{0,24}", y in 1000i32..3000, m in 1u8..=12, d in 1u8..=28) {
            let _ = parse_loose(&text, FiscalCalendar::Japan);
            let iso = format!("{y:04}-{m:02}-{d:02}");
            proptest::prop_assert_eq!(words(&iso), iso.clone());
            let slashed = format!("{y}/{m}/{d}");
            proptest::prop_assert_eq!(words(&slashed), iso.clone());
            let spelled = format!("{d} {} {y}", month_word(m));
            proptest::prop_assert_eq!(words(&spelled), iso);
        }
    }
}
