//! Fuzzy dates: a period at some precision plus a qualifier, as sources really state them.
//!
//! In data files a date is a string: `"2023-01-11"`, `"2023-11"`, `"2025"`, `"2025-Q3"`, `"JFY2027"`
//! (Japan's fiscal year, April–March), `"USFY2025"` (the US fiscal year, October–September), each
//! optionally after a qualifier: `"by 2025"`, `"c. 2022-11"`, `"not before 2024"`, `"planned 2030-03"`.
//! Years may be negative (astronomical numbering) or beyond 9999.

use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::calendar::{Day, MAX_YEAR, MIN_YEAR, days_in_month, first_of_month_offset, month_abbrev, year_in_words};

/// Whose fiscal year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FiscalCalendar {
    /// Japan: FY2027 runs 1 Apr 2027 – 31 Mar 2028.
    Japan,
    /// United States federal: FY2025 runs 1 Oct 2024 – 30 Sep 2025.
    Us,
}

/// The stated period of a date, at its precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    /// A whole calendar year.
    Year(i32),
    /// A calendar quarter (1–4) of a year.
    Quarter(i32, u8),
    /// A month (1–12) of a year.
    Month(i32, u8),
    /// One day: year, month (1–12), day (1–31).
    Day(i32, u8, u8),
    /// A fiscal year, named by the calendar's convention.
    FiscalYear(FiscalCalendar, i32),
}

/// How the source qualifies the period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Qualifier {
    /// It happened (or happens) within the period.
    Exact,
    /// About then: the real date may lie a period's length either side.
    Circa,
    /// No later than the end of the period ("by 2025"); it may happen any time before.
    By,
    /// No earlier than the start of the period.
    NotBefore,
    /// Scheduled for the period, not yet happened as of the source.
    Planned,
}

/// A date as a source states it: a period and a qualifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FuzzyDate {
    /// The stated period.
    pub period: Period,
    /// How the period is qualified.
    pub qualifier: Qualifier,
}

/// Why a date string was rejected, with the byte offset in the string where the trouble starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError {
    /// Byte offset of the problem inside the date string.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

/// How dates are written, for hints.
pub const DATE_SYNTAX_HINT: &str = "write YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, JFYyyyy or USFYyyyy, \
     optionally after 'by', 'c.', 'not before' or 'planned' (e.g. \"by 2025\")";

impl Period {
    /// Checks that the period names a real span of days.
    pub fn validate(self) -> Result<Self, String> {
        let year = match self {
            Self::Year(y) | Self::Quarter(y, _) | Self::Month(y, _) | Self::Day(y, _, _) | Self::FiscalYear(_, y) => y,
        };
        if !(MIN_YEAR..=MAX_YEAR).contains(&i64::from(year)) {
            return Err(format!("year {year} is outside {MIN_YEAR}..={MAX_YEAR}"));
        }
        match self {
            Self::Quarter(_, q) if !(1..=4).contains(&q) => {
                Err(format!("quarter {q} does not exist (quarters are Q1–Q4)"))
            }
            Self::Month(_, m) | Self::Day(_, m, _) if !(1..=12).contains(&m) => {
                Err(format!("month {m} does not exist (months are 01–12)"))
            }
            Self::Day(y, m, d) if d == 0 || u32::from(d) > days_in_month(y.into(), m.into()) => Err(format!(
                "{d} {} {} does not exist ({} has {} days)",
                month_name(m),
                year_in_words(y),
                month_name(m),
                days_in_month(y.into(), m.into())
            )),
            _ => Ok(self),
        }
    }

    /// The first day of the period.
    pub fn first_day(self) -> Day {
        match self {
            Self::Year(y) => Day::from_ymd(y.into(), 1, 1),
            Self::Quarter(y, q) => Day::from_ymd(y.into(), u32::from(q.clamp(1, 4) - 1) * 3 + 1, 1),
            Self::Month(y, m) => Day::from_ymd(y.into(), m.into(), 1),
            Self::Day(y, m, d) => Day::from_ymd(y.into(), m.into(), d.into()),
            Self::FiscalYear(FiscalCalendar::Japan, y) => Day::from_ymd(y.into(), 4, 1),
            Self::FiscalYear(FiscalCalendar::Us, y) => Day::from_ymd(i64::from(y) - 1, 10, 1),
        }
    }

    /// The last day of the period (inclusive).
    pub fn last_day(self) -> Day {
        let next = match self {
            Self::Year(y) => Day::from_ymd(i64::from(y) + 1, 1, 1),
            Self::Quarter(y, q) => first_of_month_offset(y.into(), u32::from(q.clamp(1, 4) - 1) * 3 + 1, 3),
            Self::Month(y, m) => first_of_month_offset(y.into(), m.into(), 1),
            Self::Day(..) => return self.first_day(),
            Self::FiscalYear(FiscalCalendar::Japan, y) => Day::from_ymd(i64::from(y) + 1, 4, 1),
            Self::FiscalYear(FiscalCalendar::Us, y) => Day::from_ymd(y.into(), 10, 1),
        };
        next.plus_days(-1)
    }

    /// Length of the period in days.
    pub fn len_days(self) -> i64 {
        self.last_day().0 - self.first_day().0 + 1
    }

    /// Rank of the precision, coarse to fine, for a stable total order.
    fn precision_rank(self) -> u8 {
        match self {
            Self::FiscalYear(FiscalCalendar::Japan, _) => 0,
            Self::FiscalYear(FiscalCalendar::Us, _) => 1,
            Self::Year(_) => 2,
            Self::Quarter(..) => 3,
            Self::Month(..) => 4,
            Self::Day(..) => 5,
        }
    }

    /// The precision in words ("day", "month", "quarter", "year", "Japanese fiscal year", …).
    pub fn precision_name(self) -> &'static str {
        match self {
            Self::Year(_) => "year",
            Self::Quarter(..) => "quarter",
            Self::Month(..) => "month",
            Self::Day(..) => "day",
            Self::FiscalYear(FiscalCalendar::Japan, _) => "Japanese fiscal year",
            Self::FiscalYear(FiscalCalendar::Us, _) => "US fiscal year",
        }
    }
}

impl fmt::Display for Period {
    /// The period in words: "15 Nov 2023", "Nov 2023", "Q3 2025", "2025", "FY2027 (Apr 2027 – Mar 2028)".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::Year(y) => write!(f, "{}", year_in_words(y)),
            Self::Quarter(y, q) => write!(f, "Q{q} {}", year_in_words(y)),
            Self::Month(y, m) => write!(f, "{} {}", month_abbrev(m), year_in_words(y)),
            Self::Day(y, m, d) => write!(f, "{d} {} {}", month_abbrev(m), year_in_words(y)),
            Self::FiscalYear(cal, y) => {
                let (fy, _, _) = self.first_day().ymd();
                let (ly, lm, _) = self.last_day().ymd();
                let (_, fm, _) = self.first_day().ymd();
                let prefix = if cal == FiscalCalendar::Us { "US " } else { "" };
                write!(
                    f,
                    "{prefix}FY{y} ({} {} – {} {})",
                    month_abbrev(fm),
                    year_in_words(fy),
                    month_abbrev(lm),
                    year_in_words(ly)
                )
            }
        }
    }
}

fn month_name(month: u8) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    month.checked_sub(1).and_then(|i| NAMES.get(i as usize)).copied().unwrap_or("?")
}

impl Qualifier {
    /// Every qualifier, in declaration order (their numbers in a binary form).
    pub const ALL: [Self; 5] = [Self::Exact, Self::Circa, Self::By, Self::NotBefore, Self::Planned];

    /// The words written before the period in displays and in data files.
    fn prefix(self) -> &'static str {
        match self {
            Self::Exact => "",
            Self::Circa => "c. ",
            Self::By => "by ",
            Self::NotBefore => "not before ",
            Self::Planned => "planned ",
        }
    }
}

impl FuzzyDate {
    /// An exact date at the given period.
    pub fn exact(period: Period) -> Self {
        Self { period, qualifier: Qualifier::Exact }
    }

    /// An exact day. Invalid days are rejected.
    pub fn ymd(year: i32, month: u8, day: u8) -> Result<Self, String> {
        Period::Day(year, month, day).validate().map(Self::exact)
    }

    /// How far "circa" widens the period on each side, in days.
    fn circa_margin_days(self) -> i64 {
        match self.period {
            Period::Day(..) => 7,
            other => other.len_days(),
        }
    }

    /// The earliest day it can honestly be; `None` when the source sets no lower bound ("by 2025").
    pub fn earliest(self) -> Option<Day> {
        let first = self.period.first_day();
        match self.qualifier {
            Qualifier::Exact | Qualifier::Planned | Qualifier::NotBefore => Some(first),
            Qualifier::Circa => Some(first.plus_days(-self.circa_margin_days())),
            Qualifier::By => None,
        }
    }

    /// The latest day it can honestly be; `None` when the source sets no upper bound ("not before 2024").
    pub fn latest(self) -> Option<Day> {
        let last = self.period.last_day();
        match self.qualifier {
            Qualifier::Exact | Qualifier::Planned | Qualifier::By => Some(last),
            Qualifier::Circa => Some(last.plus_days(self.circa_margin_days())),
            Qualifier::NotBefore => None,
        }
    }

    /// First and last day of the stated period, whatever the qualifier: where to draw it.
    pub fn anchor(self) -> (Day, Day) {
        (self.period.first_day(), self.period.last_day())
    }

    /// The date in words: "by 2025", "FY2027 (Apr 2027 – Mar 2028)", "c. Nov 2022", "15 Nov 2023".
    pub fn in_words(self) -> String {
        self.to_string()
    }

    /// The date as written in data files ("by 2025", "JFY2027", "-0043-03-15").
    pub fn to_data_string(self) -> String {
        let body = match self.period {
            Period::Year(y) => format_year(y),
            Period::Quarter(y, q) => format!("{}-Q{q}", format_year(y)),
            Period::Month(y, m) => format!("{}-{m:02}", format_year(y)),
            Period::Day(y, m, d) => format!("{}-{m:02}-{d:02}", format_year(y)),
            Period::FiscalYear(FiscalCalendar::Japan, y) => format!("JFY{}", format_year(y)),
            Period::FiscalYear(FiscalCalendar::Us, y) => format!("USFY{}", format_year(y)),
        };
        format!("{}{body}", self.qualifier.prefix())
    }

    fn sort_key(self) -> (Day, std::cmp::Reverse<Day>, Qualifier, u8) {
        let (first, last) = self.anchor();
        (first, std::cmp::Reverse(last), self.qualifier, self.period.precision_rank())
    }
}

fn format_year(year: impl Into<i64>) -> String {
    let year: i64 = year.into();
    if year < 0 { format!("-{:04}", year.unsigned_abs()) } else { format!("{year:04}") }
}

impl Ord for FuzzyDate {
    /// Chronological by the start of the stated period; of two that start together the longer (the one
    /// that contains the other) comes first; then qualifier and precision. A total order.
    fn cmp(&self, other: &Self) -> Ordering {
        self.sort_key().cmp(&other.sort_key())
    }
}

impl PartialOrd for FuzzyDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for FuzzyDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.qualifier.prefix(), self.period)
    }
}

/// A date in a binary form (`postcard`, the browser worker's hand-over of a load): the period and the
/// qualifier as they are, not as text to parse again. Human-readable forms (RON, JSON) use the string.
#[derive(Serialize, Deserialize)]
enum BinaryPeriod {
    Year(i32),
    Quarter(i32, u8),
    Month(i32, u8),
    Day(i32, u8, u8),
    JapanFiscal(i32),
    UsFiscal(i32),
}

impl Serialize for FuzzyDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            return serializer.serialize_str(&self.to_data_string());
        }
        let period = match self.period {
            Period::Year(y) => BinaryPeriod::Year(y),
            Period::Quarter(y, q) => BinaryPeriod::Quarter(y, q),
            Period::Month(y, m) => BinaryPeriod::Month(y, m),
            Period::Day(y, m, d) => BinaryPeriod::Day(y, m, d),
            Period::FiscalYear(FiscalCalendar::Japan, y) => BinaryPeriod::JapanFiscal(y),
            Period::FiscalYear(FiscalCalendar::Us, y) => BinaryPeriod::UsFiscal(y),
        };
        let qualifier = Qualifier::ALL.iter().position(|q| *q == self.qualifier).and_then(|p| u8::try_from(p).ok());
        (period, qualifier.unwrap_or(0)).serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for FuzzyDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            let text = String::deserialize(deserializer)?;
            return text.parse().map_err(|e: DateError| serde::de::Error::custom(e.message));
        }
        let (period, qualifier) = <(BinaryPeriod, u8)>::deserialize(deserializer)?;
        let period = match period {
            BinaryPeriod::Year(y) => Period::Year(y),
            BinaryPeriod::Quarter(y, q) => Period::Quarter(y, q),
            BinaryPeriod::Month(y, m) => Period::Month(y, m),
            BinaryPeriod::Day(y, m, d) => Period::Day(y, m, d),
            BinaryPeriod::JapanFiscal(y) => Period::FiscalYear(FiscalCalendar::Japan, y),
            BinaryPeriod::UsFiscal(y) => Period::FiscalYear(FiscalCalendar::Us, y),
        };
        let qualifier = *Qualifier::ALL
            .get(usize::from(qualifier))
            .ok_or_else(|| serde::de::Error::custom(format!("no qualifier number {qualifier}")))?;
        Ok(Self { period: period.validate().map_err(serde::de::Error::custom)?, qualifier })
    }
}

impl Default for FuzzyDate {
    /// The year 1970: a placeholder for an empty dataset's as-of date, never read from files.
    fn default() -> Self {
        Self::exact(Period::Year(1970))
    }
}
