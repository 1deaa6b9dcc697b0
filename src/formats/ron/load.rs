//! RON text → [`Loaded`]: read in steps, then validated, every problem at its line and column.

use crate::formats::loaded::{Loaded, Progress};
use crate::formats::problem::{Problem, Severity, Span, line_cols};
use crate::formats::ron::convert::locate_finding;
use crate::formats::ron::decode::{Cx, Issue, problems_from};
use crate::formats::ron::steps::Steps;
use crate::formats::source_map::ItemText;
use crate::model::validate::validate;

/// Reads a dataset from RON text in one go, reporting progress and stopping early when cancelled.
pub fn read_str(text: &str, progress: Option<std::sync::Arc<Progress>>) -> Loaded {
    let mut steps = Steps::new(Cx { progress, ..Cx::default() });
    while !steps.step(text, usize::MAX) {}
    finish(text, steps)
}

/// Reads RON text without the cross-item checks: the dataset and its source map as written, or
/// `None` when the text does not read (a syntax error, a field of the wrong type, a required field
/// missing). A save reads its text back with this, since the user may save data that has errors.
pub fn read_unchecked(text: &str) -> Option<(crate::model::Dataset, crate::formats::source_map::SourceMap)> {
    let mut steps = Steps::new(Cx::default());
    while !steps.step(text, usize::MAX) {}
    let Steps { dataset, map, cx, failed, .. } = steps;
    let decoded = failed.is_none() && !cx.issues.iter().any(|i| i.severity == Severity::Error);
    decoded.then_some((dataset, map))
}

/// Validates what a finished [`Steps`] read and puts every problem at its line and column.
pub fn finish(text: &str, steps: Steps) -> Loaded {
    finish_with(&text, |offsets| line_cols(text, offsets), steps)
}

/// [`finish`] for text that is no longer in memory: `src` gives an item's text back by its span, and
/// `locate` the line and column of byte offsets.
pub fn finish_with(src: &dyn ItemText, locate: impl FnOnce(&[usize]) -> Vec<(usize, usize)>, steps: Steps) -> Loaded {
    let Steps { dataset, mut map, cx, broken, failed, .. } = steps;
    let mut issues = cx.issues;
    // A file with a syntax error gives no data, so no map of where its items are either: how far the
    // reader got before the error depends on how the file was cut into windows (found by the fuzzer).
    if failed.is_some() {
        map = crate::formats::source_map::SourceMap::default();
    }
    let mut findings = None;
    let dataset = match failed {
        None => {
            let found = validate(&dataset, &broken);
            for finding in &found {
                issues.push(locate_finding(finding.clone(), src, &map));
            }
            // What the editor starts from (it checks the data it holds with no broken ids).
            findings = (broken.ids.is_empty() && broken.initiatives_dropped == 0).then_some(found);
            Some(dataset)
        }
        Some(e) => {
            issues.push(Issue {
                severity: Severity::Error,
                kind: e.kind,
                span: Span::new(e.offset, e.offset),
                message: e.message,
                hint: e.hint.map(str::to_owned),
            });
            None
        }
    };
    let problems = problems_from(issues, locate);
    let has_errors = problems.iter().any(Problem::is_error);
    Loaded {
        dataset: dataset.filter(|_| !has_errors),
        problems,
        source_map: map,
        presentation: crate::formats::loaded::Presentation::default(),
        findings: if has_errors { None } else { findings },
    }
}
