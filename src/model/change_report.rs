//! The change report: each change of a [`Comparison`] in words, with its dates and sources, and the
//! whole as markdown ("12th MLR: completed 15 Nov 2023 — target was by 2025"). Pure.

use std::fmt::Write as _;

use super::Day;
use super::compare::{ChangeKind, Comparison};
use super::status::status_as_of;
use super::types::{Dataset, Initiative, Status};

/// One change, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportLine {
    /// The initiative's position.
    pub item: usize,
    /// What happened.
    pub kind: ChangeKind,
    /// "completed 15 Nov 2023 — target was by 2025", without the title.
    pub words: String,
    /// The sources it cites: title and address (when it has one).
    pub sources: Vec<(String, Option<String>)>,
}

fn status_words(status: Option<Status>) -> &'static str {
    match status {
        None => "not yet announced",
        Some(Status::Proposed) => "proposed",
        Some(Status::Announced) => "announced",
        Some(Status::InProgress) => "in progress",
        Some(Status::Completed) => "completed",
        Some(Status::Ongoing) => "ongoing",
        Some(Status::Cancelled) => "cancelled",
        Some(Status::Context) => "context",
    }
}

fn date_words(label: &str, date: Option<super::FuzzyDate>) -> Option<String> {
    date.map(|d| format!("{label} {d}"))
}

/// What happened to `item` in words.
pub fn change_words(item: &Initiative, kind: ChangeKind, from: i64, to: i64) -> String {
    let target = item.target.map(|t| format!("target was {t}"));
    let mut parts: Vec<String> = match kind {
        ChangeKind::New => {
            let first = item.announced.or_else(|| item.first_date());
            let done = item.completed.filter(|d| d.anchor().0.0 <= to);
            match (first, done) {
                // An event: announced and done on the same day.
                (Some(a), Some(d)) if a == d => vec![format!("on {a}")],
                _ => {
                    let mut p = vec![date_words("announced", first).unwrap_or_else(|| "announced".to_owned())];
                    p.extend(date_words("completed", done));
                    p
                }
            }
        }
        ChangeKind::Completed => {
            let done = date_words("completed", item.completed).or_else(|| date_words("ended", item.end));
            vec![done.unwrap_or_else(|| "completed".to_owned())]
        }
        ChangeKind::Started => vec![date_words("started", item.start).unwrap_or_else(|| "started".to_owned())],
        ChangeKind::TargetMissed => {
            let status = status_words(status_as_of(item, to));
            let by = item.target.map_or_else(String::new, |t| format!("target {t} "));
            vec![format!("{by}passed without completion — still {status} on {}", Day(to).ymd_words())]
        }
        ChangeKind::Cancelled => vec![date_words("cancelled", item.end).unwrap_or_else(|| "cancelled".to_owned())],
        ChangeKind::StatusChanged | ChangeKind::Unchanged => {
            let (was, is) = (status_as_of(item, from), status_as_of(item, to));
            vec![format!("{} → {}", status_words(was), status_words(is))]
        }
    };
    if matches!(kind, ChangeKind::Completed | ChangeKind::Started | ChangeKind::New) {
        parts.extend(target);
    }
    parts.join(" — ")
}

/// The report's line for initiative `i` (`None` when it did not change or is not compared).
pub fn report_line(ds: &Dataset, cmp: &Comparison, i: usize) -> Option<ReportLine> {
    let kind = cmp.kind(i).filter(|k| *k != ChangeKind::Unchanged)?;
    let item = ds.initiatives.get(i)?;
    let sources =
        item.sources.iter().filter_map(|c| ds.source(&c.source)).map(|s| (s.title.clone(), s.url.clone())).collect();
    Some(ReportLine { item: i, kind, words: change_words(item, kind, cmp.from, cmp.to), sources })
}

/// Every change (not the unchanged), grouped by kind in [`ChangeKind::ALL`] order, then in data order.
pub fn report_lines(ds: &Dataset, cmp: &Comparison) -> Vec<ReportLine> {
    cmp.changed.iter().filter_map(|&i| report_line(ds, cmp, i)).collect()
}

/// Escapes the characters markdown would read as formatting in a title.
fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '[' | ']' | '`' | '#' | '<' | '>') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The report as markdown: a heading with the two days, the counts, a section per kind.
pub fn report_markdown(ds: &Dataset, cmp: &Comparison) -> String {
    let mut out =
        format!("## What changed: {} → {}\n\n{}\n", Day(cmp.from).ymd_words(), Day(cmp.to).ymd_words(), cmp.summary());
    let lines = report_lines(ds, cmp);
    for kind in ChangeKind::ALL {
        let of_kind: Vec<&ReportLine> = lines.iter().filter(|l| l.kind == kind).collect();
        if of_kind.is_empty() {
            continue;
        }
        let heading = kind.label();
        let heading = heading[..1].to_uppercase() + &heading[1..];
        write!(out, "\n### {heading} ({})\n\n", of_kind.len()).ok();
        for line in of_kind {
            let title = ds.initiatives.get(line.item).map_or("", |x| x.title.as_str());
            let sources: Vec<String> = line
                .sources
                .iter()
                .map(|(t, url)| match url {
                    Some(url) => format!("[{}](<{}>)", plain(t), url.replace('>', "%3E")),
                    None => plain(t),
                })
                .collect();
            write!(out, "- **{}**: {}", plain(title), plain(&line.words)).ok();
            if !sources.is_empty() {
                write!(out, " (sources: {})", sources.join("; ")).ok();
            }
            out.push('\n');
        }
    }
    out
}

/// The report as plain lines for a handout: a heading line with the days and counts, then "- title:
/// words" for each change (no links, no markdown marks).
pub fn report_plain(ds: &Dataset, cmp: &Comparison) -> String {
    let mut out =
        format!("What changed, {} to {}: {}", Day(cmp.from).ymd_words(), Day(cmp.to).ymd_words(), cmp.summary());
    for line in report_lines(ds, cmp) {
        let title = ds.initiatives.get(line.item).map_or("", |x| x.title.as_str());
        write!(out, "\n- {} — {title}: {}", line.kind.label(), line.words).ok();
    }
    out
}
