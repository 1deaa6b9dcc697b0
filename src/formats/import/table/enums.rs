//! Enum names as people write them: `ForcePosture`, `force posture`, `force-posture`, `FORCE_POSTURE`.

use super::cells::{Out, header_key};
use crate::formats::problem::ProblemKind;
use crate::model::finding::nearest;
use crate::model::schema::UnitEnum;

/// The value a cell names, or `default` when the cell is empty; an error at `at` (and `default`) when
/// it names none.
pub fn parse_enum<E: UnitEnum>(text: &str, default: E, at: &str, out: &mut Out) -> E {
    if text.trim().is_empty() {
        return default;
    }
    named(text, at, out).unwrap_or(default)
}

/// The value a text names; an error at `at` when it names none.
pub fn named<E: UnitEnum>(text: &str, at: &str, out: &mut Out) -> Option<E> {
    let key = header_key(text);
    if let Some(i) = E::NAMES.iter().position(|n| n.to_lowercase() == key) {
        return E::ALL.get(i).copied();
    }
    let near = nearest(&key, E::NAMES);
    let hint = near.map_or_else(
        || format!("write one of {}", E::NAMES.join(", ")),
        |n| format!("did you mean {n}? (one of {})", E::NAMES.join(", ")),
    );
    out.error(ProblemKind::WrongType, at.to_owned(), format!("\"{}\" is not {}", text.trim(), E::WHAT), Some(hint));
    None
}
