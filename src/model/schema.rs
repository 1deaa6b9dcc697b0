//! The schema of the files, stated once: which fields each struct type has (and whether each is
//! required), and which names each unit enum has.
//!
//! Why this shape: the struct types are written by serde (the `ron` crate) and read by our located
//! reader (`formats::ron`), which reports every problem with a position and so cannot be serde. The two
//! must agree, so each side gets one source of truth that a compiler or a test ties to the other:
//!
//! - a unit enum is declared through [`unit_enum!`], which derives its [`UnitEnum::ALL`] and
//!   [`UnitEnum::NAMES`] from the enum's own variant list — a variant cannot be added without a name;
//! - a struct is read through one list of `field: required|default` (the `item!` macro of
//!   `formats::ron::convert`), which gives both its [`FieldSpec`] table (the known fields of the "did
//!   you mean" hints, the spans recorded) and its reader, whose struct literal names every field — so
//!   a field added to the type and not to the list does not compile;
//! - `tests/schema.rs` checks that serde writes and expects exactly these fields (required where the
//!   table says so) and exactly these enum names.

/// One field of a struct type as our reader knows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldSpec {
    /// The field's name in the file.
    pub name: &'static str,
    /// Whether a value without it is an error (otherwise the field falls back to its default).
    pub required: bool,
}

/// A unit-only enum written as a bare identifier (`InProgress`), declared with [`unit_enum!`].
pub trait UnitEnum: Copy + Eq + 'static {
    /// What one value is, in words ("a status"), for messages.
    const WHAT: &'static str;
    /// Every variant, in declaration order.
    const ALL: &'static [Self];
    /// Every variant's name, in the same order.
    const NAMES: &'static [&'static str];

    /// This variant's name.
    fn name(self) -> &'static str;

    /// The variant with this name.
    fn from_name(name: &str) -> Option<Self> {
        Self::NAMES.iter().position(|n| *n == name).and_then(|i| Self::ALL.get(i).copied())
    }
}

/// Declares a unit-only enum and its [`UnitEnum`] impl from one list of variants:
/// `unit_enum! { "a status"; #[derive(…)] pub enum Status { /// doc\n Proposed, … } }`.
macro_rules! unit_enum {
    (
        $what:literal;
        $(#[$meta:meta])*
        $vis:vis enum $ty:ident {
            $($(#[$vmeta:meta])* $variant:ident,)+
        }
    ) => {
        $(#[$meta])*
        $vis enum $ty {
            $($(#[$vmeta])* $variant,)+
        }

        impl $crate::model::schema::UnitEnum for $ty {
            const WHAT: &'static str = $what;
            const ALL: &'static [Self] = &[$(Self::$variant),+];
            const NAMES: &'static [&'static str] = &[$(stringify!($variant)),+];

            fn name(self) -> &'static str {
                match self {
                    $(Self::$variant => stringify!($variant),)+
                }
            }
        }
    };
}
pub(crate) use unit_enum;
