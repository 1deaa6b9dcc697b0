//! A dataset read while its bytes are still arriving (a URL's body in the browser, part by part): RON
//! is read as far as the bytes go, so reading and fetching overlap instead of one waiting for the
//! other. Any other format (an import, or bytes that turn out not to be UTF-8) is kept whole and read
//! through the door once it is all in, exactly as if it had arrived in one piece.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use crate::formats::loaded::{Loaded, MAX_FILE_BYTES, Progress, failed, too_large};
use crate::formats::open::{Format, Input, open, sniff};
use crate::formats::ron::decode::Cx;
use crate::formats::ron::steps::Steps;

/// Bytes the door looks at to tell the format (as [`open`] does).
const HEAD: usize = 4096;

/// What one step did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Read something; call again.
    Again,
    /// Needs more bytes (or their end) before it can go on.
    Wait,
    /// Reading is over: call [`Growing::finish`].
    Done,
}

#[derive(Debug)]
enum Stage {
    /// Too few bytes yet to tell the format.
    Head(Vec<u8>),
    /// RON, read as far as the text goes; `pending` holds a character cut by the last part's end,
    /// and nothing is read again until the text reaches `retry_at`.
    Ron { text: String, pending: Vec<u8>, steps: Box<Steps>, retry_at: usize },
    /// Anything else, read in one go at the end.
    Whole(Vec<u8>),
    /// More than [`MAX_FILE_BYTES`] arrived.
    TooLarge,
}

/// A dataset whose bytes are arriving.
#[derive(Debug)]
pub struct Growing {
    name: String,
    stage: Stage,
    ended: bool,
    received: u64,
    /// Bytes read so far, the expected total, and the cancel flag.
    pub progress: Arc<Progress>,
}

impl Growing {
    /// Starts reading the body of `name`, expected to be `length` bytes when the server said so.
    pub fn new(name: &str, length: Option<u64>) -> Self {
        let progress = Arc::new(Progress::default());
        progress.total.store(length.unwrap_or(0), Ordering::Relaxed);
        Self { name: name.to_owned(), stage: Stage::Head(Vec::new()), ended: false, received: 0, progress }
    }

    /// Appends the next part of the body.
    pub fn push(&mut self, bytes: &[u8]) {
        self.received += bytes.len() as u64;
        let total = &self.progress.total;
        total.store(total.load(Ordering::Relaxed).max(self.received), Ordering::Relaxed);
        if self.received > MAX_FILE_BYTES {
            self.stage = Stage::TooLarge;
        }
        match &mut self.stage {
            Stage::Head(head) | Stage::Whole(head) => head.extend_from_slice(bytes),
            Stage::Ron { text, pending, .. } => {
                if !take_text(text, pending, bytes, false) {
                    self.keep_whole();
                }
            }
            Stage::TooLarge => {}
        }
    }

    /// Says that the body is complete.
    pub fn end(&mut self) {
        self.ended = true;
        if let Stage::Ron { text, pending, .. } = &mut self.stage
            && !take_text(text, pending, &[], true)
        {
            self.keep_whole();
        }
    }

    /// Reads up to `items` more list items from what has arrived.
    pub fn step(&mut self, items: usize) -> Step {
        if let Stage::Head(head) = &mut self.stage {
            if head.len() < HEAD && !self.ended {
                return Step::Wait;
            }
            let bytes = std::mem::take(head);
            self.stage = Stage::Whole(Vec::new());
            if sniff(bytes.get(..HEAD).unwrap_or(&bytes), &self.name) == Format::Ron {
                let cx = Cx { progress: Some(self.progress.clone()), ..Cx::default() };
                let steps = Box::new(Steps::new(cx));
                // The announced size, so the text is not copied each time it outgrows its buffer.
                let announced = usize::try_from(self.progress.total.load(Ordering::Relaxed)).unwrap_or(0);
                let text = String::with_capacity(announced.min(MAX_FILE_BYTES as usize));
                self.stage = Stage::Ron { text, pending: Vec::new(), steps, retry_at: 0 };
            }
            let ended = self.ended;
            self.ended = false;
            self.received -= bytes.len() as u64;
            self.push(&bytes);
            if ended {
                self.end();
            }
        }
        let ended = self.ended;
        match &mut self.stage {
            Stage::Head(_) => Step::Wait,
            Stage::Whole(_) | Stage::TooLarge => {
                if ended {
                    Step::Done
                } else {
                    Step::Wait
                }
            }
            Stage::Ron { text, steps, retry_at, .. } => {
                if !ended && text.len() < *retry_at {
                    return Step::Wait;
                }
                let before = steps.pos();
                if steps.step_window(text, (0, 0), !ended, items) {
                    return Step::Done;
                }
                if steps.pos() > before || ended {
                    return Step::Again;
                }
                // The item under way runs past what has arrived: read it again when the text has
                // grown by as much again (an item longer than many parts costs its length a few
                // times, not once per part).
                *retry_at = text.len() + (text.len() - before).max(1);
                Step::Wait
            }
        }
    }

    /// What was read: the dataset and its problems, as [`open`] gives them.
    pub fn finish(self) -> Loaded {
        match self.stage {
            Stage::Ron { text, steps, .. } => crate::formats::ron::load::finish(&text, *steps),
            Stage::Head(bytes) | Stage::Whole(bytes) => open(Input::Named(&self.name, &bytes), None),
            Stage::TooLarge => failed(too_large()),
        }
    }

    /// Gives up reading as RON part by part: everything that arrived is kept whole for the door,
    /// which then says where the bytes go wrong.
    fn keep_whole(&mut self) {
        if let Stage::Ron { text, pending, .. } = &mut self.stage {
            let mut bytes = std::mem::take(text).into_bytes();
            bytes.append(pending);
            self.stage = Stage::Whole(bytes);
        }
    }
}

/// Moves `pending` and then `bytes` onto `text` as far as they are valid UTF-8, keeping a character cut
/// by the end in `pending` (unless `last`). False when the bytes are not UTF-8.
fn take_text(text: &mut String, pending: &mut Vec<u8>, bytes: &[u8], last: bool) -> bool {
    if pending.is_empty() {
        // The common case: the part starts on a character, and is checked where it lies.
        let Some(valid) = valid_prefix(bytes, last) else {
            pending.extend_from_slice(bytes);
            return false;
        };
        text.push_str(std::str::from_utf8(&bytes[..valid]).unwrap_or_default());
        pending.extend_from_slice(&bytes[valid..]);
        return true;
    }
    pending.extend_from_slice(bytes);
    let Some(valid) = valid_prefix(pending, last) else { return false };
    text.push_str(std::str::from_utf8(&pending[..valid]).unwrap_or_default());
    pending.drain(..valid);
    true
}

/// How much of `bytes` is whole UTF-8 characters: all of it, or (unless `last`) all but a character
/// cut by the end; `None` when the bytes are not UTF-8.
fn valid_prefix(bytes: &[u8], last: bool) -> Option<usize> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Some(s.len()),
        Err(e) if e.error_len().is_none() && !last => Some(e.valid_up_to()),
        Err(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `bytes` arriving in parts of `part` bytes, stepping between parts as the browser does.
    fn read_in_parts(name: &str, bytes: &[u8], part: usize) -> Loaded {
        let mut growing = Growing::new(name, Some(bytes.len() as u64));
        for chunk in bytes.chunks(part.max(1)) {
            growing.push(chunk);
            while growing.step(7) == Step::Again {}
        }
        growing.end();
        loop {
            match growing.step(7) {
                Step::Done => return growing.finish(),
                Step::Again => {}
                Step::Wait => panic!("waiting after the end"),
            }
        }
    }

    fn sample() -> String {
        crate::formats::export::ron::to_ron(&crate::model::generate::generate(60, 9, 3), None)
    }

    #[test]
    fn parts_of_any_size_give_what_the_door_gives_for_the_whole() {
        let text = sample().replace("Generated", "Généré 日本");
        let whole = crate::formats::load_str(&text);
        assert!(whole.dataset.is_some(), "{:?}", whole.problems);
        for part in [1, 2, 3, 5, 64, 1000, 4096, 5000, text.len()] {
            let parts = read_in_parts("g.ron", text.as_bytes(), part);
            assert_eq!(parts.dataset, whole.dataset, "parts of {part} bytes");
            assert_eq!(parts.problems, whole.problems, "parts of {part} bytes");
        }
    }

    #[test]
    fn a_problem_is_placed_the_same_however_the_bytes_arrive() {
        let text = sample();
        let broken = text.replacen("summary:", "summary: @", 1);
        let whole = crate::formats::open(Input::Named("g.ron", broken.as_bytes()), None);
        assert!(!whole.problems.is_empty());
        for part in [1, 7, 300, 4096] {
            let parts = read_in_parts("g.ron", broken.as_bytes(), part);
            assert_eq!(parts.problems, whole.problems, "parts of {part} bytes");
            assert!(parts.dataset.is_none());
        }
    }

    #[test]
    fn imports_and_bytes_that_are_not_text_are_read_whole_at_the_end() {
        let json = br#"{"events": [{"start_date": {"year": "2023"}, "text": {"headline": "A"}}]}"#;
        let whole = crate::formats::open(Input::Named("t.json", json), None);
        assert_eq!(read_in_parts("t.json", json, 5).dataset, whole.dataset);
        assert!(whole.dataset.is_some());
        let mut bad = sample().into_bytes();
        let at = bad.len() / 2;
        bad[at] = 0xFF;
        let whole = crate::formats::open(Input::Named("g.ron", &bad), None);
        let parts = read_in_parts("g.ron", &bad, 1000);
        assert_eq!(parts.problems, whole.problems);
        assert!(parts.problems.iter().any(|p| p.message.contains("UTF-8")), "{:?}", parts.problems);
    }

    #[test]
    fn a_body_larger_than_the_limit_is_refused_without_keeping_it() {
        let mut growing = Growing::new("big.ron", None);
        growing.received = MAX_FILE_BYTES;
        growing.push(b"Dataset(");
        growing.end();
        assert_eq!(growing.step(10), Step::Done);
        assert!(matches!(growing.stage, Stage::TooLarge));
        assert!(growing.finish().problems[0].message.contains("limit"));
    }
}
