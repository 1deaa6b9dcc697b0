//! The time axis: pure transforms between day numbers and screen x, and tick generation whose labels
//! never overlap, from millennia down to days.

use crate::model::Day;
use crate::model::calendar::{month_abbrev, year_in_words};
use crate::model::view::{DAYS_PER_YEAR, TimeView};

/// Estimated width of one label character, in points, at the axis font size (deliberately generous).
pub const CHAR_WIDTH: f32 = 7.5;
/// Minimum free space after a label before the next one.
pub const LABEL_GAP: f32 = 12.0;

/// Maps days to x and back for one frame.
#[derive(Clone, Copy, Debug)]
pub struct Axis {
    /// Screen x of the window's left edge.
    pub left: f32,
    /// Width in points.
    pub width: f32,
    /// The visible window.
    pub view: TimeView,
}

impl Axis {
    /// Screen x of a day number.
    pub fn x_from_day(&self, day: f64) -> f32 {
        let t = (day - self.view.start) / self.view.span();
        self.left + (t * f64::from(self.width)) as f32
    }

    /// Day number at a screen x.
    pub fn day_from_x(&self, x: f32) -> f64 {
        self.view.start + f64::from(x - self.left) / f64::from(self.width.max(1.0)) * self.view.span()
    }

    /// Days per point.
    pub fn days_per_point(&self) -> f64 {
        self.view.span() / f64::from(self.width.max(1.0))
    }
}

/// One tick of the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Day number of the tick.
    pub day: f64,
    /// Label, written just right of the tick.
    pub label: String,
    /// A coarser boundary (year start, decade…), drawn stronger.
    pub major: bool,
}

/// Spacing of ticks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Days(i64),
    Months(i64),
    Years(i64),
}

impl Step {
    /// Smallest number of days between two ticks of this step.
    fn min_days(self) -> f64 {
        match self {
            Self::Days(n) => n as f64,
            Self::Months(n) => n as f64 * 28.0,
            Self::Years(n) => n as f64 * 365.0,
        }
    }

    /// Longest label this step writes, in characters.
    fn max_label_chars(self, view: TimeView) -> usize {
        match self {
            Self::Days(_) => 6,
            Self::Months(_) | Self::Years(_) => {
                let widest = |day: f64| year_in_words(Day(day as i64).ymd().0).chars().count();
                widest(view.start).max(widest(view.end)).max(3)
            }
        }
    }
}

/// Candidate steps, finest first.
fn steps() -> impl Iterator<Item = Step> {
    let days = [1, 2, 5, 10].map(Step::Days);
    let months = [1, 3, 6].map(Step::Months);
    let years = (0..7).flat_map(|p| [1, 2, 5].map(|m| Step::Years(m * 10i64.pow(p))));
    days.into_iter().chain(months).chain(years)
}

/// Estimated width of a label in points.
pub fn label_width(label: &str) -> f32 {
    label.chars().count() as f32 * CHAR_WIDTH
}

/// Ticks for the axis: the finest step whose labels fit, so labels never overlap.
pub fn ticks(axis: &Axis) -> Vec<Tick> {
    let points_per_day = 1.0 / axis.days_per_point();
    let step = steps()
        .find(|s| {
            let room = s.min_days() * points_per_day;
            room >= f64::from(s.max_label_chars(axis.view) as f32 * CHAR_WIDTH + LABEL_GAP)
        })
        .unwrap_or(Step::Years(10_000_000));
    let (first, last) = (axis.view.start.floor() as i64 - 1, axis.view.end.ceil() as i64 + 1);
    match step {
        Step::Days(n) => day_ticks(first, last, n),
        Step::Months(n) => month_ticks(first, last, n),
        Step::Years(n) => year_ticks(first, last, n),
    }
}

fn day_ticks(first: i64, last: i64, n: i64) -> Vec<Tick> {
    let start = first.div_euclid(n) * n;
    (0..=(last - start) / n)
        .map(|k| start + k * n)
        .map(|d| {
            let (_, month, day) = Day(d).ymd();
            Tick { day: d as f64, label: format!("{day} {}", month_abbrev(month)), major: day == 1 }
        })
        .collect()
}

fn month_ticks(first: i64, last: i64, n: i64) -> Vec<Tick> {
    let (year, month, _) = Day(first).ymd();
    let index = year * 12 + i64::from(month) - 1;
    let start = index.div_euclid(n) * n;
    let (last_year, last_month, _) = Day(last).ymd();
    let last_index = last_year * 12 + i64::from(last_month) - 1;
    (0..=(last_index - start) / n)
        .map(|k| start + k * n)
        .map(|m| (m.div_euclid(12), (m.rem_euclid(12) + 1) as u32))
        .map(|(y, m)| (y, m, Day::from_ymd(y, m, 1).0))
        .map(|(y, m, d)| Tick {
            day: d as f64,
            label: if m == 1 { year_in_words(y) } else { month_abbrev(m).to_owned() },
            major: m == 1,
        })
        .collect()
}

fn year_ticks(first: i64, last: i64, n: i64) -> Vec<Tick> {
    let start = Day(first).ymd().0.div_euclid(n) * n;
    let end = Day(last).ymd().0 + 1;
    (0..=(end - start) / n)
        .map(|k| start + k * n)
        .map(|y| Tick {
            day: Day::from_ymd(y, 1, 1).0 as f64,
            label: year_in_words(y),
            major: y.rem_euclid(n * 10) == 0 || (n == 1 && y.rem_euclid(10) == 0),
        })
        .collect()
}

/// How many years a window shows, for tests and messages.
pub fn span_years(view: TimeView) -> f64 {
    view.span() / DAYS_PER_YEAR
}

#[cfg(test)]
mod tests {
    use super::*;

    fn axis(start: f64, span: f64) -> Axis {
        Axis { left: 100.0, width: 1200.0, view: TimeView { start, end: start + span } }
    }

    #[test]
    fn x_and_day_round_trip() {
        for (start, span) in [(19_000.0, 3.0), (-800_000.0, 40_000.0), (0.0, 7_000_000.0), (2.9e6, 10.5)] {
            let a = axis(start, span);
            for x in [100.0_f32, 150.5, 700.0, 1300.0] {
                let back = a.x_from_day(a.day_from_x(x));
                assert!((back - x).abs() < 0.01, "{start} {span} {x} -> {back}");
            }
            let day = start + span * 0.3;
            assert!((a.day_from_x(a.x_from_day(day)) - day).abs() < span * 1e-6);
        }
    }

    /// At every zoom from two days to 20,000 years, and in BC and far-future years, labels never
    /// overlap and ticks are in order.
    #[test]
    fn labels_never_overlap_at_any_zoom() {
        let mut span = TimeView::MIN_SPAN_DAYS;
        let centres = [19_368.0, -700_000.0, 3_000_000.0, 0.0];
        while span <= TimeView::MAX_SPAN_DAYS {
            for centre in centres {
                let a = axis(centre - span / 2.0, span);
                let ticks = ticks(&a);
                assert!(ticks.len() >= 2, "span {span}: {} ticks", ticks.len());
                assert!(ticks.len() < 200, "span {span}: {} ticks", ticks.len());
                for pair in ticks.windows(2) {
                    let gap = a.x_from_day(pair[1].day) - a.x_from_day(pair[0].day);
                    assert!(
                        gap >= label_width(&pair[0].label) + LABEL_GAP - 0.01,
                        "span {span} days at {centre}: {:?} and {:?} are {gap} pt apart",
                        pair[0],
                        pair[1]
                    );
                }
            }
            span *= 1.7;
        }
    }

    #[test]
    fn ticks_adapt_from_days_to_millennia() {
        let days = ticks(&axis(19_368.0, 10.0));
        assert!(days.iter().any(|t| t.label == "12 Jan" && (t.day - 19_369.0).abs() < 1e-9), "{days:?}");
        assert!(days.iter().any(|t| t.label == "1 Feb" && t.major) || days.len() < 20, "{days:?}");
        let months = ticks(&axis(19_358.0, 500.0));
        assert!(months.iter().any(|t| t.label == "Feb"), "{months:?}");
        assert!(months.iter().any(|t| t.label == "2024" && t.major), "{months:?}");
        let years = ticks(&axis(0.0, 40.0 * DAYS_PER_YEAR));
        assert!(years.iter().any(|t| t.label == "1980"), "{years:?}");
        let bc = ticks(&axis(-800_000.0, 3000.0 * DAYS_PER_YEAR));
        assert!(bc.iter().any(|t| t.label.ends_with("BC")), "{bc:?}");
        assert!(span_years(TimeView::default()) > 11.0);
    }
}
