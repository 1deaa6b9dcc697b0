//! Moving a fuzzy date by a number of days while keeping its precision (dragging on the timeline): a
//! month-precision date moves by whole months, a year by years, a fiscal year by fiscal years. The
//! period's middle is moved and the period of the same kind that holds it is taken, so a drag of less
//! than half the period leaves the date where it was.

use super::calendar::Day;
use super::date::{FiscalCalendar, FuzzyDate, Period};

impl FuzzyDate {
    /// The date moved by `days`, at its precision, with its qualifier.
    #[must_use]
    pub fn shifted(self, days: i64) -> Self {
        let (first, last) = (self.period.first_day().0, self.period.last_day().0);
        let middle = Day(first + (last - first) / 2 + days);
        let (y, m, d) = middle.ymd();
        let year = i32::try_from(y).unwrap_or(if y < 0 { i32::MIN } else { i32::MAX });
        let (m8, d8) = (u8::try_from(m).unwrap_or(1), u8::try_from(d).unwrap_or(1));
        let period = match self.period {
            Period::Day(..) => Period::Day(year, m8, d8),
            Period::Month(..) => Period::Month(year, m8),
            Period::Quarter(..) => Period::Quarter(year, (m8 - 1) / 3 + 1),
            Period::Year(_) => Period::Year(year),
            Period::FiscalYear(FiscalCalendar::Japan, _) => {
                Period::FiscalYear(FiscalCalendar::Japan, if m >= 4 { year } else { year - 1 })
            }
            Period::FiscalYear(FiscalCalendar::Us, _) => {
                Period::FiscalYear(FiscalCalendar::Us, if m >= 10 { year + 1 } else { year })
            }
        };
        Self { period, ..self }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shift(text: &str, days: i64) -> String {
        text.parse::<FuzzyDate>().map(|d| d.shifted(days).to_data_string()).unwrap_or_default()
    }

    #[test]
    fn dates_move_at_their_precision() {
        assert_eq!(shift("2023-11-15", 3), "2023-11-18");
        assert_eq!(shift("2023-11-15", -20), "2023-10-26");
        assert_eq!(shift("2023-11", 10), "2023-11", "less than half a month stays");
        assert_eq!(shift("2023-11", 20), "2023-12");
        assert_eq!(shift("by 2025", 200), "by 2026");
        assert_eq!(shift("c. 2022-Q4", 45), "c. 2022-Q4", "45 days from the middle of Q4 is still Q4");
        assert_eq!(shift("c. 2022-Q4", 50), "c. 2023-Q1");
        assert_eq!(shift("JFY2027", 365), "JFY2028");
        assert_eq!(shift("USFY2025", -365), "USFY2024");
        assert_eq!(shift("planned 2030-03", 0), "planned 2030-03");
    }
}
