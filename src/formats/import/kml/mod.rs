//! KML and KMZ (zipped KML: the `doc.kml` inside, or else the first `.kml`). Each Placemark with a
//! Point is a place and an initiative at it: its name, its description (HTML → markdown), its
//! `TimeStamp` or `TimeSpan` at the precision written (`2023`, `2023-11`, `2023-11-15`, a date-time is
//! its day), and the names of the Folders around it as tags. Other geometries are skipped and counted.
//!
//! quick-xml expands no entity a file declares: a "billion laughs" file's `&lol9;` is one unknown
//! reference, dropped with a warning, never a billion strings.

mod parse;

use std::io::Read as _;

use crate::formats::import::Kind;
use crate::formats::loaded::{Loaded, failed, text_from_bytes, unreadable_at};

/// The largest KML a KMZ may unpack to (a small zip can unpack to gigabytes).
const MAX_KML_BYTES: u64 = 256 << 20;

/// Reads the file's bytes into a dataset, every problem located.
pub fn read(kind: Kind, name: &str, bytes: &[u8]) -> Loaded {
    let unzipped;
    let (bytes, inner) = if kind == Kind::Kmz {
        match unzip(bytes) {
            Ok((inner, kml)) => {
                unzipped = kml;
                (unzipped.as_slice(), Some(inner))
            }
            Err(loaded) => return *loaded,
        }
    } else {
        (bytes, None)
    };
    let text = match text_from_bytes(bytes) {
        Ok(text) => text.strip_prefix('\u{FEFF}').unwrap_or(text),
        Err(problem) => return failed(*problem),
    };
    let mut loaded = parse::read(name, text);
    if let Some(inner) = inner {
        for problem in &mut loaded.problems {
            problem.message = format!("{inner}: {}", problem.message);
        }
    }
    loaded
}

/// The KML inside a KMZ: `doc.kml` first, else the first `.kml` file; its name and bytes.
fn unzip(bytes: &[u8]) -> Result<(String, Vec<u8>), Box<Loaded>> {
    let broken = |what: String| {
        let hint = "the file may be cut short or not a KMZ; save it again from the map tool";
        Box::new(failed(unreadable_at((1, 1), what, hint)))
    };
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| broken(format!("this KMZ file is not a readable zip archive: {e}")))?;
    let names: Vec<String> = archive.file_names().filter_map(Result::ok).map(std::borrow::Cow::into_owned).collect();
    let is_kml =
        |n: &&String| std::path::Path::new(n.as_str()).extension().is_some_and(|e| e.eq_ignore_ascii_case("kml"));
    let chosen = names.iter().find(|n| n.eq_ignore_ascii_case("doc.kml")).or_else(|| names.iter().find(is_kml));
    let Some(chosen) = chosen.cloned() else {
        let listed: Vec<&str> = names.iter().take(8).map(String::as_str).collect();
        return Err(broken(format!("this KMZ file holds no .kml file (it holds: {})", listed.join(", "))));
    };
    let file = archive.by_name(&chosen).map_err(|e| broken(format!("cannot open {chosen} in the KMZ file: {e}")))?;
    let mut kml = Vec::new();
    file.take(MAX_KML_BYTES + 1).read_to_end(&mut kml).map_err(|e| broken(format!("cannot unpack {chosen}: {e}")))?;
    if kml.len() as u64 > MAX_KML_BYTES {
        return Err(broken(format!("{chosen} unpacks to more than {} MiB", MAX_KML_BYTES >> 20)));
    }
    Ok((chosen, kml))
}
