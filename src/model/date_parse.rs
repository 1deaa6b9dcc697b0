//! Parsing the fuzzy-date strings of data files (see [`super::date`] for the syntax).

use std::str::FromStr;

use super::date::{DateError, FiscalCalendar, FuzzyDate, Period, Qualifier};

impl FromStr for FuzzyDate {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        parse_fuzzy_date(text)
    }
}

/// Qualifier words, longest first so "not before" wins over shorter prefixes.
const QUALIFIERS: [(&str, Qualifier); 7] = [
    ("not before ", Qualifier::NotBefore),
    ("planned ", Qualifier::Planned),
    ("circa ", Qualifier::Circa),
    ("by ", Qualifier::By),
    ("c. ", Qualifier::Circa),
    ("c.", Qualifier::Circa),
    ("~", Qualifier::Circa),
];

/// Parses "by 2025", "c. 2022-11", "JFY2027", "2023-01-11", … into a validated [`FuzzyDate`].
pub(crate) fn parse_fuzzy_date(text: &str) -> Result<FuzzyDate, DateError> {
    let lead = text.len() - text.trim_start().len();
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(err(0, "the date is empty"));
    }
    let lower = trimmed.to_ascii_lowercase();
    let (qualifier, skip) = QUALIFIERS
        .iter()
        .find(|(word, _)| lower.starts_with(word))
        .map_or((Qualifier::Exact, 0), |(word, q)| (*q, word.len()));
    let body_start = lead + skip;
    let body = trimmed.get(skip..).unwrap_or_default().trim_start();
    let body_start = body_start + (trimmed.len() - skip - body.len());
    let period = parse_period(body).map_err(|e| DateError { offset: body_start + e.offset, message: e.message })?;
    let period = period.validate().map_err(|message| DateError { offset: body_start, message })?;
    Ok(FuzzyDate { period, qualifier })
}

fn err(offset: usize, message: &str) -> DateError {
    DateError { offset, message: message.to_owned() }
}

fn parse_period(body: &str) -> Result<Period, DateError> {
    let upper = body.to_ascii_uppercase();
    if let Some(rest) = upper.strip_prefix("JFY") {
        return Ok(Period::FiscalYear(FiscalCalendar::Japan, parse_year(rest, 3)?.0));
    }
    if let Some(rest) = upper.strip_prefix("USFY") {
        return Ok(Period::FiscalYear(FiscalCalendar::Us, parse_year(rest, 4)?.0));
    }
    if upper.starts_with("FY") {
        return Err(err(0, "a fiscal year must say whose: JFY (Japan, Apr–Mar) or USFY (US, Oct–Sep)"));
    }
    let (year, used) = parse_year(body, 0)?;
    let rest = body.get(used..).unwrap_or_default();
    if rest.is_empty() {
        return Ok(Period::Year(year));
    }
    let Some(rest) = rest.strip_prefix('-') else {
        return Err(err(used, "expected '-' after the year"));
    };
    if let Some(q) = rest.strip_prefix(['Q', 'q']) {
        let quarter = parse_number(q, used + 2, 1)?;
        return Ok(Period::Quarter(year, quarter));
    }
    let month_text = rest.split('-').next().unwrap_or_default();
    let month = parse_number(month_text, used + 1, 2)?;
    let after_month = rest.get(month_text.len()..).unwrap_or_default();
    if after_month.is_empty() {
        return Ok(Period::Month(year, month));
    }
    let day_text = after_month.get(1..).unwrap_or_default();
    let day = parse_number(day_text, used + 2 + month_text.len(), 2)?;
    Ok(Period::Day(year, month, day))
}

/// A year: optional sign, then digits (at most 7). Returns the year and the bytes used.
fn parse_year(text: &str, offset: usize) -> Result<(i32, usize), DateError> {
    let sign_len = usize::from(text.starts_with(['-', '+']));
    let digits = text.get(sign_len..).unwrap_or_default().bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return Err(err(offset, "expected a year (digits)"));
    }
    if digits > 7 {
        return Err(err(offset, "the year has too many digits"));
    }
    let end = sign_len + digits;
    let value: i32 =
        text.get(sign_len..end).and_then(|d| d.parse().ok()).ok_or_else(|| err(offset, "expected a year (digits)"))?;
    let value = if text.starts_with('-') { -value } else { value };
    if offset > 0 && end != text.len() {
        return Err(err(offset + end, "unexpected text after the fiscal year"));
    }
    Ok((value, end))
}

/// A month, day or quarter number of 1 to `max_digits` digits, filling the whole text.
fn parse_number(text: &str, offset: usize, max_digits: usize) -> Result<u8, DateError> {
    if text.is_empty() || text.len() > max_digits || !text.bytes().all(|b| b.is_ascii_digit()) {
        let what = if max_digits == 1 {
            "expected a quarter digit 1–4"
        } else {
            "expected two digits (01–12 for a month, 01–31 for a day)"
        };
        return Err(err(offset, what));
    }
    text.parse().map_err(|_| err(offset, "not a number"))
}

#[cfg(test)]
mod tests {
    use super::super::calendar::Day;
    use super::*;

    fn date(text: &str) -> FuzzyDate {
        parse_fuzzy_date(text).unwrap_or_else(|e| panic!("{text}: {e:?}"))
    }

    #[test]
    fn displays_in_words() {
        assert_eq!(date("by 2025").in_words(), "by 2025");
        assert_eq!(date("JFY2027").in_words(), "FY2027 (Apr 2027 – Mar 2028)");
        assert_eq!(date("USFY2025").in_words(), "US FY2025 (Oct 2024 – Sep 2025)");
        assert_eq!(date("c. 2022-11").in_words(), "c. Nov 2022");
        assert_eq!(date("2023-11-15").in_words(), "15 Nov 2023");
        assert_eq!(date("2025-Q3").in_words(), "Q3 2025");
        assert_eq!(date("not before 2024").in_words(), "not before 2024");
        assert_eq!(date("planned 2030-03").in_words(), "planned Mar 2030");
        assert_eq!(date("-0043-03-15").in_words(), "15 Mar 44 BC");
        assert_eq!(date("12000").in_words(), "12000");
    }

    #[test]
    fn earliest_and_latest_follow_the_qualifier() {
        let by = date("by 2025");
        assert_eq!(by.earliest(), None);
        assert_eq!(by.latest(), Some(Day::from_ymd(2025, 12, 31)));
        let fy = date("JFY2027");
        assert_eq!(fy.earliest(), Some(Day::from_ymd(2027, 4, 1)));
        assert_eq!(fy.latest(), Some(Day::from_ymd(2028, 3, 31)));
        let us = date("USFY2025");
        assert_eq!(us.earliest(), Some(Day::from_ymd(2024, 10, 1)));
        assert_eq!(us.latest(), Some(Day::from_ymd(2025, 9, 30)));
        let circa = date("c. 2022-11");
        assert_eq!(circa.earliest(), Some(Day::from_ymd(2022, 10, 2)));
        assert_eq!(circa.latest(), Some(Day::from_ymd(2022, 12, 30)));
        let after = date("not before 2024-Q2");
        assert_eq!(after.earliest(), Some(Day::from_ymd(2024, 4, 1)));
        assert_eq!(after.latest(), None);
        let leap = date("2024-02");
        assert_eq!(leap.latest(), Some(Day::from_ymd(2024, 2, 29)));
    }

    #[test]
    fn orders_chronologically_then_by_qualifier_and_precision() {
        let mut dates: Vec<FuzzyDate> =
            ["2025", "2023-11-15", "by 2025", "JFY2024", "2023-01-11", "2023-01", "-0500", "99999", "2023"]
                .iter()
                .map(|t| date(t))
                .collect();
        dates.sort();
        let words: Vec<String> = dates.iter().map(|d| d.to_data_string()).collect();
        assert_eq!(
            words,
            ["-0500", "2023", "2023-01", "2023-01-11", "2023-11-15", "JFY2024", "2025", "by 2025", "99999"]
        );
    }

    #[test]
    fn data_strings_round_trip() {
        for text in [
            "by 2025",
            "c. 2022-11",
            "JFY2027",
            "USFY2025",
            "2025-Q3",
            "not before 2024-05-01",
            "planned 2030-03",
            "-0043-03-15",
            "0000",
            "1000000",
        ] {
            assert_eq!(date(text).to_data_string(), text);
        }
        assert_eq!(date("circa 2022").to_data_string(), "c. 2022");
        assert_eq!(date("  By 2025 ").to_data_string(), "by 2025");
    }

    #[test]
    fn impossible_dates_say_why_and_where() {
        let e = parse_fuzzy_date("2023-13").unwrap_err();
        assert!(e.message.contains("month 13"), "{e:?}");
        let e = parse_fuzzy_date("2023-02-30").unwrap_err();
        assert!(e.message.contains("30 February 2023 does not exist"), "{e:?}");
        assert!(parse_fuzzy_date("2024-02-29").is_ok());
        assert!(parse_fuzzy_date("2023-02-29").is_err());
        let e = parse_fuzzy_date("by 2025-1x").unwrap_err();
        assert_eq!(e.offset, 8);
        let e = parse_fuzzy_date("FY2027").unwrap_err();
        assert!(e.message.contains("JFY"));
        assert!(parse_fuzzy_date("").is_err());
        assert!(parse_fuzzy_date("2023-Q5").is_err());
        assert!(parse_fuzzy_date("99999999").is_err());
        assert!(parse_fuzzy_date("2000000").is_err());
        assert!(parse_fuzzy_date("2023/01/11").is_err());
        assert!(parse_fuzzy_date("JFY2027x").is_err());
    }
}
