//! Columns the user maps: when a sheet's headers are neither our template's nor `TimelineJS`'s, the
//! import window shows its first rows with a guess of each column's field (the template's own header
//! names, then the words people use for them: "Name", "When", "Where", "Lat" …, then the nearest
//! spelling), and the sheet is read again with the fields the user chose.

use std::sync::Arc;

use super::cells::{Sheet, header_key};
use super::template::FIELD_NAMES;
use crate::formats::loaded::ColumnsToMap;

/// Rows shown in the import window.
const PREVIEW_ROWS: usize = 5;

/// Header words (after `header_key`) that usually mean a field, beyond the template's own names.
const SYNONYMS: &[(&str, &[&str])] = &[
    ("title", &["name", "headline", "event", "initiative", "project", "subject", "what", "label", "heading"]),
    ("summary", &["abstract", "short", "synopsis", "overview"]),
    ("body", &["text", "notes", "comments", "content", "detail", "longdescription", "remarks"]),
    ("start", &["date", "when", "begin", "began", "from", "startyear", "year", "day", "datefrom"]),
    ("end", &["to", "until", "finish", "endyear", "dateto", "finished", "ended"]),
    ("target", &["deadline", "due", "duedate", "goal", "by"]),
    ("places", &["where", "site", "city", "base", "town", "region", "area", "locationname"]),
    ("latitude", &["y", "latdd", "latitudedd", "decimallatitude"]),
    ("longitude", &["x", "lng", "long", "londd", "longitudedd", "decimallongitude"]),
    (
        "actors",
        &["who", "country", "countries", "nation", "party", "parties", "partner", "organisation", "organization"],
    ),
    ("tags", &["category", "categories", "type", "group", "theme", "topic", "keywords", "label"]),
    ("status", &["state", "stage", "progress", "phase"]),
    ("source url", &["link", "website", "href", "web", "source link", "sourcelink"]),
    ("source title", &["reference", "citation", "article", "ref"]),
    ("source publisher", &["outlet", "publication", "by publisher"]),
    ("relations", &["linkedto", "connections", "typedlinks"]),
    ("depends on", &["prerequisite", "prerequisites", "requires", "dependency", "blockedby"]),
    ("part of", &["parent", "parentinitiative", "within"]),
    ("enables", &["unlocks", "enabled"]),
    ("supersedes", &["replacing", "superseded"]),
    ("follows", &["after", "followup", "previous"]),
    ("contradicts", &["conflicts", "conflictswith"]),
];

/// The field a header seems to name, if any.
pub fn guess(header: &str) -> Option<&'static str> {
    let key = header_key(header);
    if key.is_empty() {
        return None;
    }
    if let Some(field) = super::template::field_of_key(&key) {
        return Some(field);
    }
    if let Some((field, _)) = SYNONYMS.iter().find(|(_, words)| words.contains(&key.as_str())) {
        return FIELD_NAMES.iter().copied().find(|f| f == field);
    }
    let candidates = super::template::keys()
        .map(|(k, f)| (k.to_owned(), f))
        .chain(SYNONYMS.iter().flat_map(|(field, words)| words.iter().map(move |w| ((*w).to_owned(), *field))));
    // The score is at most 1 - (difference in length / longer length): words that cannot reach 0.8
    // are not measured (a long junk header would cost its length times each word's).
    let chars = key.chars().count();
    candidates
        .filter(|(word, _)| {
            let len = word.chars().count();
            chars.abs_diff(len) * 5 <= chars.max(len)
        })
        .map(|(word, field)| (strsim::normalized_levenshtein(&key, &word), field))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .and_then(|(_, field)| FIELD_NAMES.iter().copied().find(|f| *f == field))
}

/// What the import window needs for `sheet`: its headers, first rows and a guess per column (each
/// field guessed once, for its first column).
pub fn request(sheet: &Sheet, name: &str, bytes: &[u8]) -> ColumnsToMap {
    let mut taken: Vec<&str> = Vec::new();
    let guess = sheet
        .headers
        .iter()
        .map(|h| {
            let field = guess(h).filter(|f| !taken.contains(f))?;
            taken.push(field);
            Some(field.to_owned())
        })
        .collect::<Vec<Option<String>>>();
    // With latitude and longitude columns, a place column names the point rather than a place of a
    // places sheet (which such a file does not have).
    let has = |field: &str| guess.iter().any(|g| g.as_deref() == Some(field));
    let guess = if has("latitude") && has("longitude") && !has("place name") {
        guess
            .into_iter()
            .map(|g| if g.as_deref() == Some("places") { Some("place name".to_owned()) } else { g })
            .collect()
    } else {
        guess
    };
    let preview = sheet
        .rows
        .iter()
        .take(PREVIEW_ROWS)
        .map(|row| {
            (0..sheet.headers.len()).map(|c| row.get(c).map(|cell| cell.text.clone()).unwrap_or_default()).collect()
        })
        .collect();
    ColumnsToMap {
        name: name.to_owned(),
        bytes: Arc::new(bytes.to_vec()),
        headers: sheet.headers.clone(),
        preview,
        guess,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_what_people_call_the_fields() {
        for (header, field) in [
            ("Name", Some("title")),
            ("Headline", Some("title")),
            ("When", Some("start")),
            ("Date", Some("start")),
            ("Where", Some("places")),
            ("Lat", Some("latitude")),
            ("Longitude", Some("longitude")),
            ("lng", Some("longitude")),
            ("Notes", Some("body")),
            ("Country", Some("actors")),
            ("Link", Some("source url")),
            ("Descriptoin", Some("body")),
            ("Colour", None),
            ("", None),
        ] {
            assert_eq!(guess(header), field, "{header}");
        }
    }
}
