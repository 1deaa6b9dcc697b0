//! Property tests: whatever the bytes, the loader returns problems instead of panicking, and every
//! problem it reports lies inside the text.

use alliance_atlas::formats::{load_bytes, load_str};
use alliance_atlas::model::DEFAULT_DATASET;
use proptest::prelude::*;

fn assert_sane(text: &str) {
    let loaded = load_str(text);
    let lines = text.lines().count().max(1) + 1;
    for p in &loaded.problems {
        assert!(p.line >= 1 && p.line <= lines, "line {} of {lines}: {p:?}", p.line);
        assert!(p.column >= 1, "{p:?}");
    }
    assert_eq!(loaded.dataset.is_some(), loaded.error_count() == 0);
}

/// Edits that damage a file the way people and truncated downloads do.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Insert(usize, String),
    Duplicate(usize, usize),
    Truncate(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let len = DEFAULT_DATASET.len();
    prop_oneof![
        (0..len, 1..200usize).prop_map(|(a, n)| Edit::Delete(a, n)),
        (0..len, "[\\[\\](){}\",:#!a-z0-9 \\\\r'/*\\-.é日]{1,8}").prop_map(|(a, s)| Edit::Insert(a, s)),
        (0..len, 1..400usize).prop_map(|(a, n)| Edit::Duplicate(a, n)),
        (0..len).prop_map(Edit::Truncate),
    ]
}

fn apply(text: &str, edit: &Edit) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    let clamp = |at: &usize| (*at).min(text.len());
    match edit {
        Edit::Delete(at, n) => {
            let end = (clamp(at) + n).min(bytes.len());
            bytes.drain(clamp(at)..end);
        }
        Edit::Insert(at, s) => {
            bytes.splice(clamp(at)..clamp(at), s.bytes());
        }
        Edit::Duplicate(at, n) => {
            let end = (clamp(at) + n).min(bytes.len());
            let copy = bytes[clamp(at)..end].to_vec();
            bytes.splice(end..end, copy);
        }
        Edit::Truncate(at) => bytes.truncate(clamp(at)),
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let loaded = load_bytes(&bytes);
        prop_assert!(loaded.dataset.is_none() || loaded.error_count() == 0);
    }

    #[test]
    fn arbitrary_ron_like_text_never_panics(text in "[\\[\\](){}\",:#!a-zA-Z0-9_ \\n\\\\r'/*\\-.+é日]{0,400}") {
        assert_sane(&text);
    }

    #[test]
    fn damaged_real_data_never_panics(edits in proptest::collection::vec(edit(), 1..4)) {
        let mut bytes = DEFAULT_DATASET.as_bytes().to_vec();
        for e in &edits {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            bytes = apply(&text, e);
        }
        match std::str::from_utf8(&bytes) {
            Ok(text) => assert_sane(text),
            Err(_) => { load_bytes(&bytes); }
        }
    }
}
