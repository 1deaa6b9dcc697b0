//! Loading a dataset file in chunks: the reader ([`Steps`]) goes through a window of the file that holds
//! the item being read and little else, so a 577 MB file is never in memory whole. A problem found
//! after reading (validation) gets its field's span by reading that one item back from the file, and
//! its line and column from a second pass over the bytes before it.

use std::borrow::Cow;
use std::fs::File;
use std::io::{Read as _, Seek as _, SeekFrom};
use std::path::Path;
use std::sync::Arc;

use crate::formats::loaded::{Loaded, MAX_FILE_BYTES, Progress, failed, open_limited, too_large, unreadable_at};
use crate::formats::problem::line_cols_in;
use crate::formats::ron::decode::Cx;
use crate::formats::ron::load::finish_with;
use crate::formats::ron::steps::Steps;
use crate::formats::source_map::ItemText;

/// Bytes read from the file at a time.
pub const CHUNK: usize = 8 << 20;

/// A file's items, read back by span.
struct FileText<'a>(&'a File);

impl ItemText for FileText<'_> {
    fn item_text(&self, span: crate::formats::problem::Span) -> Option<Cow<'_, str>> {
        let mut file = self.0;
        file.seek(SeekFrom::Start(span.start as u64)).ok()?;
        let mut bytes = vec![0; span.end.checked_sub(span.start)?];
        file.read_exact(&mut bytes).ok()?;
        String::from_utf8(bytes).ok().map(Cow::Owned)
    }
}

/// Lines and columns of byte offsets of the file, from a second pass over it (no problem is lost if
/// that read fails: they all go to line 1).
fn locate(file: &File, offsets: &[usize]) -> Vec<(usize, usize)> {
    let mut file = file;
    let located = file.seek(SeekFrom::Start(0)).and_then(|_| line_cols_in(std::io::BufReader::new(file), offsets));
    located.unwrap_or_else(|_| vec![(1, 1); offsets.len()])
}

/// Fills `buf` from the file as far as it goes; fewer bytes than its length means the end of the file.
fn read_full(file: &mut impl std::io::Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// Loads a dataset file in chunks of [`CHUNK`] bytes, reporting progress and stopping early when
/// cancelled.
pub fn load_path(path: &Path, progress: Option<Arc<Progress>>) -> Loaded {
    load_path_chunked(path, progress, CHUNK)
}

/// [`load_path`] with chunks of `chunk` bytes (tests read with tiny chunks, to cut items anywhere).
pub fn load_path_chunked(path: &Path, progress: Option<Arc<Progress>>, chunk: usize) -> Loaded {
    let file = match open_limited(path) {
        Ok(file) => file,
        Err(problem) => return failed(problem),
    };
    if let (Some(p), Ok(meta)) = (&progress, file.metadata()) {
        p.total.store(meta.len(), std::sync::atomic::Ordering::Relaxed);
    }
    let mut steps = Steps::new(Cx { progress, ..Cx::default() });
    let (mut window, mut pending, mut base, mut total) = (String::new(), Vec::new(), 0usize, 0usize);
    let mut lines = 0;
    let mut buf = vec![0u8; chunk.max(1)];
    let mut reader = &file;
    // A unit cut off by the window's end is read again when the window has doubled, not at every
    // chunk: a unit longer than many chunks then costs its length a few times, not its length times
    // the number of chunks it spans (the fuzzer's timeout found that with small chunks).
    let mut retry_at = 0;
    loop {
        let n = match read_full(&mut reader, &mut buf) {
            Ok(n) => n,
            Err(e) => {
                let message = format!("cannot read the file: {e}");
                return failed(unreadable_at((1, 1), message, "check that the file is readable and try again"));
            }
        };
        total += n;
        if total as u64 > MAX_FILE_BYTES {
            return failed(too_large());
        }
        let more = n == buf.len();
        pending.extend_from_slice(&buf[..n]);
        // A character cut by the chunk's end waits for the next chunk; a bad byte stops the load.
        let valid = match std::str::from_utf8(&pending) {
            Ok(text) => text.len(),
            Err(e) if e.error_len().is_none() && more => e.valid_up_to(),
            Err(e) => {
                let at = locate(&file, &[base + window.len() + e.valid_up_to()]);
                let at = at.first().copied().unwrap_or((1, 1));
                return failed(unreadable_at(
                    at,
                    "the file is not valid UTF-8 text".to_owned(),
                    "save the file as UTF-8",
                ));
            }
        };
        window.push_str(std::str::from_utf8(&pending[..valid]).unwrap_or_default());
        pending.drain(..valid);
        if more && window.len() < retry_at {
            continue;
        }
        if steps.step_window(&window, (base, lines), more, usize::MAX) {
            break;
        }
        // The reader stops between units, after ASCII punctuation, so this is a character boundary.
        let used = steps.pos().saturating_sub(base).min(window.len());
        retry_at = if used == 0 { window.len() * 2 } else { 0 };
        if window.is_char_boundary(used) {
            lines += window.get(..used).map_or(0, |s| s.matches('\n').count());
            window.drain(..used);
            base += used;
        }
    }
    drop((window, buf));
    finish_with(&FileText(&file), |offsets| locate(&file, offsets), steps)
}
