//! The schema is stated once, and serde agrees with it: for every struct type of datasets and decks, the
//! fields serde writes and the fields serde expects are exactly the fields our reader knows (so a field
//! added to a type but not to the reader fails here), a field serde requires is one the reader requires;
//! and every enum name serde writes or accepts is one our reader accepts, and the other way round. The
//! comparison is itself tested on lists that differ, so it is known to fail when it should.

#![expect(clippy::expect_used, reason = "a test helper that fails is a failed test")]

use std::collections::BTreeSet;
use std::fmt::{self, Debug, Display};

use alliance_atlas::briefing::{Deck, Step, Transition, load_deck, to_ron};
use alliance_atlas::formats::ProblemKind;
use alliance_atlas::formats::load_str;
use alliance_atlas::formats::ron::convert::{Item, decode};
use alliance_atlas::formats::ron::decode::{Cx, FromNode};
use alliance_atlas::formats::ron::node::{Field, Kind, Node, Parser};
use alliance_atlas::model::index::Index;
use alliance_atlas::model::schema::UnitEnum;
use alliance_atlas::model::view_state::ViewState;
use alliance_atlas::model::{
    Cite, DEFAULT_DATASET, Era, FuzzyDate, Initiative, LineOfEffort, Location, LocationKind, Meta, PlacePrecision, Rel,
    RelKind, Source, Status,
};
use serde::de::{DeserializeOwned, Visitor};
use serde::{Deserializer, Serialize};

/// Where two lists of names differ, as a message; `Ok` when they hold the same names.
fn same_names(what: &str, serde: &[&str], reader: &[&str]) -> Result<(), String> {
    let serde: BTreeSet<&str> = serde.iter().copied().collect();
    let reader: BTreeSet<&str> = reader.iter().copied().collect();
    let only_serde: Vec<&str> = serde.difference(&reader).copied().collect();
    let only_reader: Vec<&str> = reader.difference(&serde).copied().collect();
    if only_serde.is_empty() && only_reader.is_empty() {
        Ok(())
    } else {
        Err(format!("{what}: serde only {only_serde:?}, reader only {only_reader:?}"))
    }
}

#[test]
fn the_comparison_fails_on_lists_that_differ() {
    assert!(same_names("T", &["a", "b"], &["b", "a"]).is_ok());
    let forgotten = same_names("Initiative", &["id", "title", "status_note"], &["id", "title"]);
    assert_eq!(forgotten, Err("Initiative: serde only [\"status_note\"], reader only []".to_owned()));
    let stale = same_names("Status", &["Proposed"], &["Proposed", "Dropped"]);
    assert!(stale.is_err_and(|e| e.contains("reader only [\"Dropped\"]")));
}

/// The name and members (fields or variants) serde's `Deserialize` asks for: a deserializer that only
/// records what it is asked and then stops.
struct Ask<'a>(&'a mut Option<(&'static str, &'static [&'static str])>);

#[derive(Debug)]
struct Stop;

impl Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("stop")
    }
}

impl std::error::Error for Stop {}

impl serde::de::Error for Stop {
    fn custom<T: Display>(_: T) -> Self {
        Self
    }
}

impl<'de> Deserializer<'de> for Ask<'_> {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        Err(Stop)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Stop> {
        *self.0 = Some((name, fields));
        Err(Stop)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Stop> {
        *self.0 = Some((name, variants));
        Err(Stop)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map identifier ignored_any
    }
}

fn serde_asks<T: DeserializeOwned>() -> (&'static str, &'static [&'static str]) {
    let mut asked = None;
    let _ = T::deserialize(Ask(&mut asked));
    asked.expect("a struct or an enum")
}

/// The value as serde writes it, with its type name.
fn written<T: Serialize>(value: &T) -> String {
    let config = ron::ser::PrettyConfig::new().struct_names(true);
    ron::ser::to_string_pretty(value, config).expect("serialises")
}

fn parsed(text: &str) -> Node<'_> {
    Parser::new(text).value().expect("our reader reads what serde writes")
}

fn struct_fields<'n, 's>(node: &'n Node<'s>) -> (Option<&'s str>, &'n [Field<'s>]) {
    match &node.kind {
        Kind::Struct { name, fields } => (*name, fields),
        other => panic!("serde wrote {other:?}, not a struct"),
    }
}

/// The text without one of its top-level struct's fields (and its comma).
fn without_field(text: &str, node: &Node<'_>, i: usize) -> String {
    let (_, fields) = struct_fields(node);
    let (start, end) = match fields.get(i + 1) {
        Some(next) => (fields[i].name_span.start, next.name_span.start),
        None => (fields[i - 1].value.span.end, fields[i].value.span.end),
    };
    format!("{}{}", &text[..start], &text[end..])
}

/// Every check of one struct type against a fully populated value of it.
fn check_struct<T: Item + Serialize + DeserializeOwned + PartialEq + Debug>(value: &T) -> Result<(), String> {
    let type_name = T::TYPE;
    let names: Vec<&str> = T::SPEC.iter().map(|s| s.name).collect();
    if names != T::FIELDS {
        return Err(format!("{type_name}: SPEC and FIELDS differ"));
    }
    let (serde_name, serde_fields) = serde_asks::<T>();
    if serde_name != type_name {
        return Err(format!("{type_name}: serde calls it {serde_name}"));
    }
    same_names(&format!("{type_name} fields serde reads"), serde_fields, T::FIELDS)?;

    let text = written(value);
    let node = parsed(&text);
    let (written_name, fields) = struct_fields(&node);
    if written_name != Some(type_name) {
        return Err(format!("{type_name}: serde writes it as {written_name:?}"));
    }
    let written_fields: Vec<&str> = fields.iter().map(|f| f.name).collect();
    same_names(&format!("{type_name} fields serde writes"), &written_fields, T::FIELDS)?;

    let mut cx = Cx::default();
    let read = decode::<T>(&node, &mut cx);
    if read.as_ref() != Some(value) || !cx.issues.is_empty() {
        return Err(format!("{type_name}: our reader read {read:?} with {:?}", cx.issues));
    }

    for (i, field) in fields.iter().enumerate() {
        let required = T::SPEC.iter().find(|s| s.name == field.name).is_some_and(|s| s.required);
        let text = without_field(&text, &node, i);
        let serde_ok = ron::from_str::<T>(&text).is_ok();
        if serde_ok == required {
            return Err(format!(
                "{type_name}.{}: required by the reader {required}, by serde {}",
                field.name, !serde_ok
            ));
        }
        let mut cx = Cx::default();
        let read = decode::<T>(&parsed(&text), &mut cx);
        let kinds: Vec<ProblemKind> = cx.issues.iter().map(|i| i.kind).collect();
        let expected: &[ProblemKind] = if required { &[ProblemKind::MissingField] } else { &[] };
        if read.is_some() == required || kinds != expected {
            return Err(format!("{type_name} without {}: our reader gave {kinds:?}", field.name));
        }
    }
    Ok(())
}

fn date(text: &str) -> FuzzyDate {
    text.parse().expect("a date")
}

fn step() -> Step {
    Step {
        title: "A \"quoted\" title".to_owned(),
        points: "- one\n- two".to_owned(),
        notes: "Notes with a r#\"raw\"# string and a \\ backslash.\n\n\tIndented.".to_owned(),
        view: ViewState::from_text("t=19000,19700;m=26.4,127.9,9;s=i:scc-2023;q=okinawa").expect("a view"),
        highlight: vec!["scc-2023".to_owned(), "camp_hansen".to_owned()],
        transition: Transition::Cut,
    }
}

#[test]
fn serde_and_our_reader_know_the_same_fields() {
    let results = [
        check_struct(&Meta {
            title: "T".to_owned(),
            description: "D".to_owned(),
            as_of: date("2026-11-26"),
            authors: vec!["A".to_owned()],
        }),
        check_struct(&Source {
            id: "src".to_owned(),
            title: "T".to_owned(),
            publisher: "P".to_owned(),
            date: Some(date("2023-01-11")),
            url: Some("https://example.org".to_owned()),
        }),
        check_struct(&Cite { source: "src".to_owned(), note: Some("n".to_owned()) }),
        check_struct(&Location {
            id: "camp_hansen".to_owned(),
            name: "Camp Hansen".to_owned(),
            name_ja: Some("キャンプ・ハンセン".to_owned()),
            lat: 26.45,
            lon: 127.9,
            kind: LocationKind::Base,
            precision: PlacePrecision::About1Km,
            country: "JP".to_owned(),
            coord_source: Some("map".to_owned()),
        }),
        check_struct(&Initiative {
            id: "i".to_owned(),
            title: "T".to_owned(),
            summary: "S".to_owned(),
            body: "B".to_owned(),
            lines_of_effort: vec![LineOfEffort::Isr],
            actors: vec!["US".to_owned()],
            status: Status::InProgress,
            status_note: Some("nothing newer".to_owned()),
            announced: Some(date("2023-01-11")),
            start: Some(date("2023")),
            target: Some(date("by 2025")),
            completed: Some(date("2023-11-15")),
            end: Some(date("2026")),
            places: vec!["camp_hansen".to_owned()],
            related: vec!["j".to_owned()],
            relations: vec![Rel { to: "j".to_owned(), kind: RelKind::DependsOn, note: Some("n".to_owned()) }],
            tags: vec!["t".to_owned()],
            sources: vec![Cite { source: "src".to_owned(), note: None }],
        }),
        check_struct(&Rel { to: "j".to_owned(), kind: RelKind::PartOf, note: Some("n".to_owned()) }),
        check_struct(&Era { id: "e".to_owned(), title: "T".to_owned(), start: date("2023"), end: date("2024") }),
        check_struct(&step()),
        check_struct(&Deck { title: "D".to_owned(), dataset: "d.ron".to_owned(), steps: vec![step()] }),
    ];
    let failures: Vec<String> = results.into_iter().filter_map(Result::err).collect();
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Every check of one enum: serde's names are the reader's, both ways.
fn check_enum<T: UnitEnum + FromNode + Serialize + DeserializeOwned + Debug>() -> Result<(), String> {
    let (_, serde_variants) = serde_asks::<T>();
    same_names(&format!("{} names serde reads", T::WHAT), serde_variants, T::NAMES)?;
    let written: Vec<String> = T::ALL.iter().map(|v| ron::to_string(v).expect("serialises")).collect();
    let written: Vec<&str> = written.iter().map(String::as_str).collect();
    same_names(&format!("{} names serde writes", T::WHAT), &written, T::NAMES)?;
    for (&value, &name) in T::ALL.iter().zip(T::NAMES) {
        let mut cx = Cx::default();
        let read = T::from_node(&parsed(name), &mut cx);
        if read != Some(value) || value.name() != name || ron::from_str::<T>(name).ok() != Some(value) {
            return Err(format!("{}: `{name}` reads as {read:?} ({:?})", T::WHAT, cx.issues));
        }
    }
    let mut cx = Cx::default();
    if T::from_node(&parsed("NoSuchName"), &mut cx).is_some() || cx.issues.len() != 1 {
        return Err(format!("{}: an unknown name is not refused", T::WHAT));
    }
    Ok(())
}

#[test]
fn serde_and_our_reader_know_the_same_enum_names() {
    let results = [
        check_enum::<LocationKind>(),
        check_enum::<PlacePrecision>(),
        check_enum::<LineOfEffort>(),
        check_enum::<Status>(),
        check_enum::<RelKind>(),
        check_enum::<Transition>(),
    ];
    let failures: Vec<String> = results.into_iter().filter_map(Result::err).collect();
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn unknown_names_and_fields_are_hinted_from_the_schema() {
    let mut cx = Cx::default();
    assert_eq!(Status::from_node(&parsed("Complete"), &mut cx), None);
    let hint = cx.issues[0].hint.as_deref().unwrap_or_default();
    assert_eq!(hint, format!("did you mean `Completed`? (one of: {})", Status::NAMES.join(", ")));
    let mut cx = Cx::default();
    let node = parsed("Era(id: \"e\", titel: \"T\", start: \"2023\", end: \"2024\")");
    assert_eq!(decode::<Era>(&node, &mut cx), None);
    assert_eq!(cx.issues[0].message, "unknown field `titel` in Era");
    assert_eq!(cx.issues[0].hint.as_deref(), Some("did you mean `title`?"));
}

#[test]
fn a_known_field_that_looks_like_a_missing_one_does_not_hide_it() {
    // `end` is one edit from `id`, but it is a field of Era, not a misspelling: `id` is still missing.
    let mut cx = Cx::default();
    let node = parsed("Era(title: \"T\", start: \"2023\", end: \"2024\")");
    assert_eq!(decode::<Era>(&node, &mut cx), None);
    let messages: Vec<&str> = cx.issues.iter().map(|i| i.message.as_str()).collect();
    assert_eq!(messages, ["Era is missing the required field `id`"]);
}

#[test]
fn a_written_deck_reads_back_equal_through_both_readers_and_stays_readable() {
    let index = Index::build(&load_str(DEFAULT_DATASET).dataset.expect("the embedded dataset loads"));
    let deck =
        Deck { title: "Quotes \"and\" r#\"hashes\"#".to_owned(), dataset: "d.ron".to_owned(), steps: vec![step()] };
    let text = to_ron(&deck);
    let loaded = load_deck(&text, &index);
    assert!(loaded.problems.is_empty(), "{:#?}\n{text}", loaded.problems);
    assert_eq!(loaded.deck.as_ref(), Some(&deck));
    assert_eq!(ron::from_str::<Deck>(&text).ok().as_ref(), Some(&deck), "{text}");
    assert!(text.contains("points: \"- one\n- two\""), "talking points keep their lines:\n{text}");

    let embedded = load_deck(alliance_atlas::briefing::DEFAULT_DECK, &index).deck.expect("the embedded deck loads");
    let text = to_ron(&embedded);
    assert_eq!(ron::from_str::<Deck>(&text).ok().as_ref(), Some(&embedded));
    assert_eq!(load_deck(&text, &index).deck.as_ref(), Some(&embedded));
}
