//! Proleptic Gregorian calendar arithmetic on plain day numbers.
//!
//! A [`Day`] counts days from 1970-01-01 in an `i64`; it is a calendar day, not a timestamp, so there are
//! no time zones and no nanoseconds. Years use astronomical numbering (year 0 is 1 BC, year -1 is 2 BC)
//! and may range over [`MIN_YEAR`]..=[`MAX_YEAR`], far beyond 1..=9999, without overflow.

use serde::{Deserialize, Serialize};

/// The earliest year a date may have.
pub const MIN_YEAR: i64 = -1_000_000;

/// The latest year a date may have.
pub const MAX_YEAR: i64 = 1_000_000;

/// A calendar day: days since 1970-01-01 (proleptic Gregorian).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Day(pub i64);

impl Day {
    /// The day for a year, month (1–12) and day of month (1–31). The caller checks validity first
    /// (see [`days_in_month`]); invalid input gives a defined but meaningless day, never a panic.
    pub fn from_ymd(year: i64, month: u32, day: u32) -> Self {
        let year = year.clamp(MIN_YEAR - 1, MAX_YEAR + 1);
        let month = i64::from(month.clamp(1, 12));
        let day = i64::from(day.clamp(1, 31));
        // Howard Hinnant's days_from_civil, with years counted from March.
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let mp = (month + 9) % 12;
        let doy = (153 * mp + 2) / 5 + day - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Self(era * 146_097 + doe - 719_468)
    }

    /// Year, month (1–12) and day of month of this day.
    pub fn ymd(self) -> (i64, u32, u32) {
        // Clamp to the years dates may have, so any i64 (from a link, a generated view) is safe.
        let lo = Self::from_ymd(MIN_YEAR, 1, 1).0;
        let hi = Self::from_ymd(MAX_YEAR, 12, 31).0;
        let z = self.0.clamp(lo, hi) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i64::from(month <= 2);
        (year, month, day)
    }

    /// The day in words: "11 Jan 2023".
    pub fn ymd_words(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{d} {} {}", month_abbrev(m), year_in_words(y))
    }

    /// The day as data files write it: "2023-01-11" (years below 0 as "-0043-03-15").
    pub fn iso(self) -> String {
        let (y, m, d) = self.ymd();
        let year = if y < 0 { format!("-{:04}", y.unsigned_abs()) } else { format!("{y:04}") };
        format!("{year}-{m:02}-{d:02}")
    }

    /// The day `n` days later (earlier for negative `n`).
    #[must_use]
    pub fn plus_days(self, n: i64) -> Self {
        Self(self.0.saturating_add(n))
    }
}

/// Whether `year` is a leap year in the proleptic Gregorian calendar.
pub fn is_leap_year(year: i64) -> bool {
    year.rem_euclid(4) == 0 && (year.rem_euclid(100) != 0 || year.rem_euclid(400) == 0)
}

/// Days in `month` (1–12) of `year`; 0 for a month out of range.
pub fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// The first day of the month `months` after (year, month), with months counted past December.
pub fn first_of_month_offset(year: i64, month: u32, months: i64) -> Day {
    let index = year * 12 + i64::from(month) - 1 + months;
    Day::from_ymd(index.div_euclid(12), (index.rem_euclid(12) + 1) as u32, 1)
}

/// Short English month name ("Jan" … "Dec"); "?" out of range.
pub fn month_abbrev(month: impl Into<u32>) -> &'static str {
    const NAMES: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let month: u32 = month.into();
    month.checked_sub(1).and_then(|i| NAMES.get(i as usize)).copied().unwrap_or("?")
}

/// A year in words: astronomical year 0 is "1 BC", -43 is "44 BC"; positive years are plain numbers.
pub fn year_in_words(year: impl Into<i64>) -> String {
    let year: i64 = year.into();
    if year <= 0 { format!("{} BC", 1 - year) } else { year.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_is_day_zero() {
        assert_eq!(Day::from_ymd(1970, 1, 1), Day(0));
        assert_eq!(Day::from_ymd(2023, 1, 11), Day(19_368));
    }

    #[test]
    fn ymd_round_trips_across_eras() {
        for &(y, m, d) in &[
            (2023, 1, 11),
            (2024, 2, 29),
            (0, 3, 1),
            (-43, 3, 15),
            (1, 1, 1),
            (9999, 12, 31),
            (10_000, 1, 1),
            (MAX_YEAR, 12, 31),
            (MIN_YEAR, 1, 1),
        ] {
            assert_eq!(Day::from_ymd(y, m, d).ymd(), (y, m, d), "{y}-{m}-{d}");
        }
    }

    #[test]
    fn consecutive_days_are_consecutive_numbers() {
        let mut day = Day::from_ymd(1999, 12, 25);
        for _ in 0..800 {
            let (y, m, d) = day.ymd();
            assert!(d >= 1 && d <= days_in_month(y, m));
            day = day.plus_days(1);
        }
        assert_eq!(day.ymd(), (2002, 3, 4));
    }

    #[test]
    fn leap_years_follow_the_gregorian_rule() {
        assert!(is_leap_year(2024));
        assert!(is_leap_year(2000));
        assert!(!is_leap_year(1900));
        assert!(is_leap_year(0));
        assert!(is_leap_year(-4));
        assert_eq!(days_in_month(2023, 2), 28);
        assert_eq!(days_in_month(2023, 13), 0);
    }

    #[test]
    fn month_offsets_wrap_years() {
        assert_eq!(first_of_month_offset(2027, 4, 12).ymd(), (2028, 4, 1));
        assert_eq!(first_of_month_offset(2025, 1, -3).ymd(), (2024, 10, 1));
        assert_eq!(year_in_words(-43), "44 BC");
        assert_eq!(year_in_words(0), "1 BC");
        assert_eq!(month_abbrev(13u32), "?");
    }
}
