//! A URL's body as it arrives, part by part (the browser's fetch with a streamed body), so a large
//! dataset can be read while it is still coming. The UI is woken only when something it decides on
//! changes (the answer came, the body grew past the size the caller calls large, the end), never
//! once per part.

use std::sync::{Arc, Mutex};

/// What has arrived of one body.
#[derive(Debug, Default)]
pub struct Incoming {
    /// Bytes arrived and not yet taken.
    pub bytes: Vec<u8>,
    /// Bytes arrived in all.
    pub received: u64,
    /// The size the server announced (`Content-Length`), when it did.
    pub length: Option<u64>,
    /// `None` while arriving; then `Ok` at the end of the body, or why it failed.
    pub end: Option<Result<(), String>>,
    /// From this many bytes on the body is large (the UI is woken once when it gets there).
    pub large_at: u64,
    /// Set by the reader: stop fetching (it was cancelled, or reading is over).
    pub cancelled: bool,
}

impl Incoming {
    /// A body that is already complete (a picked or dropped file).
    pub fn whole(bytes: Vec<u8>) -> Self {
        let received = bytes.len() as u64;
        Self { bytes, received, length: Some(received), end: Some(Ok(())), large_at: u64::MAX, cancelled: false }
    }

    /// Whether the body is (or is announced to be) at least `large_at` bytes.
    pub fn is_large(&self) -> bool {
        self.received.max(self.length.unwrap_or(0)) >= self.large_at
    }
}

/// A body arriving, shared between the fetch and its reader.
pub type Stream = Arc<Mutex<Incoming>>;

/// Starts fetching `url` with its body streamed into the returned [`Stream`], waking the UI when the
/// body reaches `large_at` bytes. On the desktop this reports at once that fetching is a browser feature.
pub fn fetch_stream(url: &str, large_at: u64, ctx: &egui::Context) -> Stream {
    let stream = Stream::new(Mutex::new(Incoming { large_at, ..Incoming::default() }));
    #[cfg(target_arch = "wasm32")]
    {
        let (out, ctx, name, start) = (stream.clone(), ctx.clone(), url.to_owned(), super::clock::now_ms());
        ehttp::streaming::fetch(ehttp::Request::get(url), move |part| {
            let Ok(mut incoming) = out.lock() else { return std::ops::ControlFlow::Break(()) };
            let part = match part {
                Ok(ehttp::streaming::Part::Response(r)) => {
                    log::info!("answered {name}: {} (at {:.0} ms)", r.status, super::clock::now_ms());
                    Part::Answer {
                        ok: r.ok,
                        status: format!("{} {}", r.status, r.status_text),
                        length: r.headers.get("content-length").and_then(|l| l.trim().parse().ok()),
                    }
                }
                Ok(ehttp::streaming::Part::Chunk(bytes)) => Part::Bytes(bytes),
                Err(e) => Part::Failed(e),
            };
            let (flow, wake) = take_part(&mut incoming, part);
            if let Some(Ok(())) = &incoming.end {
                let received = incoming.received;
                log::info!(
                    "fetched {name}: {received} bytes in {:.0} ms (at {:.0} ms)",
                    super::clock::now_ms() - start,
                    super::clock::now_ms()
                );
            }
            drop(incoming);
            if wake {
                ctx.request_repaint();
            }
            flow
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let message = "loading from a URL is a browser feature; open the file instead".to_owned();
        if let Ok(mut incoming) = stream.lock() {
            incoming.end = Some(Err(message));
        }
        ctx.request_repaint();
    }
    let _ = url;
    stream
}

/// One part of a fetch's answer.
#[cfg_attr(
    not(any(target_arch = "wasm32", test)),
    expect(dead_code, reason = "only the browser fetches; tests feed parts")
)]
enum Part {
    /// The status line (`ok` for 2xx) and the announced length.
    Answer { ok: bool, status: String, length: Option<u64> },
    /// Bytes of the body; none at the end.
    Bytes(Vec<u8>),
    /// Why the fetch broke off.
    Failed(String),
}

/// Takes one part of the answer into `incoming`: whether to go on, and whether to wake the UI.
#[cfg_attr(
    not(any(target_arch = "wasm32", test)),
    expect(dead_code, reason = "only the browser fetches; tests feed parts")
)]
fn take_part(incoming: &mut Incoming, part: Part) -> (std::ops::ControlFlow<()>, bool) {
    use std::ops::ControlFlow::{Break, Continue};
    if incoming.cancelled {
        return (Break(()), false);
    }
    match part {
        Part::Answer { ok: true, length, .. } => {
            incoming.length = length;
            (Continue(()), incoming.is_large())
        }
        Part::Answer { ok: false, status, .. } => {
            incoming.end = Some(Err(format!("the server answered {status}")));
            (Break(()), true)
        }
        Part::Bytes(bytes) if bytes.is_empty() => {
            incoming.end = Some(Ok(()));
            (Break(()), true)
        }
        Part::Bytes(bytes) => {
            let was_large = incoming.is_large();
            incoming.received += bytes.len() as u64;
            if incoming.bytes.is_empty() {
                incoming.bytes = bytes;
            } else {
                incoming.bytes.extend_from_slice(&bytes);
            }
            (Continue(()), !was_large && incoming.is_large())
        }
        Part::Failed(why) => {
            incoming.end = Some(Err(why));
            (Break(()), true)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WAKE_AT: u64 = 1000;

    fn answer(status: u16, length: Option<u64>) -> Part {
        let text = if status == 200 { "OK" } else { "Not Found" };
        Part::Answer { ok: (200..300).contains(&status), status: format!("{status} {text}"), length }
    }

    #[test]
    fn the_ui_is_woken_for_the_answer_when_large_the_growth_past_the_size_and_the_end_only() {
        let mut incoming = Incoming { large_at: WAKE_AT, ..Incoming::default() };
        assert!(!take_part(&mut incoming, answer(200, None)).1, "size unknown yet");
        let half = vec![b' '; (WAKE_AT / 2) as usize];
        assert!(!take_part(&mut incoming, Part::Bytes(half.clone())).1);
        assert!(take_part(&mut incoming, Part::Bytes(half.clone())).1, "grew past the size");
        assert!(!take_part(&mut incoming, Part::Bytes(half)).1, "once");
        assert_eq!(incoming.bytes.len() as u64, incoming.received);
        let (flow, wake) = take_part(&mut incoming, Part::Bytes(Vec::new()));
        assert!(flow.is_break() && wake);
        assert_eq!(incoming.end, Some(Ok(())));

        let mut announced = Incoming { large_at: WAKE_AT, ..Incoming::default() };
        assert!(take_part(&mut announced, answer(200, Some(WAKE_AT))).1);
        assert_eq!(announced.length, Some(WAKE_AT));
    }

    #[test]
    fn a_refusal_a_broken_connection_or_a_cancel_ends_the_fetch() {
        let mut incoming = Incoming::default();
        assert!(take_part(&mut incoming, answer(404, None)).0.is_break());
        assert_eq!(incoming.end, Some(Err("the server answered 404 Not Found".to_owned())));
        let mut cut = Incoming::default();
        let _ = take_part(&mut cut, Part::Bytes(b"Dataset(".to_vec()));
        let _ = take_part(&mut cut, Part::Failed("network error".to_owned()));
        assert_eq!(cut.end, Some(Err("network error".to_owned())));
        assert_eq!(cut.bytes, b"Dataset(");
        let mut dropped = Incoming { cancelled: true, ..Incoming::default() };
        assert!(take_part(&mut dropped, Part::Bytes(b"more".to_vec())).0.is_break());
        assert!(dropped.bytes.is_empty());
    }
}
