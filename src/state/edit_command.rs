//! The dataset editor's vocabulary: the fields the form edits and its commands. (`command.rs`
//! re-exports them with the other parts' commands.)

/// A text field of an initiative the form edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextField {
    /// The title.
    Title,
    /// The one-paragraph summary.
    Summary,
    /// The markdown body.
    Body,
    /// The status note.
    StatusNote,
    /// Actors, `;` or `,` separated.
    Actors,
    /// Tags, `;` or `,` separated.
    Tags,
}

/// One of an initiative's five dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateField {
    /// When it was announced.
    Announced,
    /// When work started.
    Start,
    /// The target.
    Target,
    /// When it was completed.
    Completed,
    /// When it ended.
    End,
}

impl DateField {
    /// Every date field, in the form's order.
    pub const ALL: [Self; 5] = [Self::Announced, Self::Start, Self::Target, Self::Completed, Self::End];

    /// The field's name, as in the data.
    pub fn name(self) -> &'static str {
        match self {
            Self::Announced => "announced",
            Self::Start => "start",
            Self::Target => "target",
            Self::Completed => "completed",
            Self::End => "end",
        }
    }
}

/// A list of ids an initiative holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ListField {
    /// Its places (location ids).
    Places,
    /// The initiatives it relates to.
    Related,
    /// The sources it cites (source ids; a note stays with its source).
    Sources,
}

/// A text field of a place the form edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlaceField {
    /// The English name.
    Name,
    /// The Japanese name.
    NameJa,
    /// The ISO country code.
    Country,
}

/// A field of a source or an era the form edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceField {
    /// A source's title.
    Title,
    /// A source's publisher.
    Publisher,
    /// A source's url.
    Url,
    /// A source's publication date (as people type it; empty clears it).
    Date,
}

/// A field of an era the form edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EraField {
    /// Its label.
    Title,
    /// Its first day (a date as people type it).
    Start,
    /// Its last day.
    End,
}

/// What to do with a dataset held while the data had unsaved changes (`command::HeldOpen`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeldChoice {
    /// Save the changes (into the file, or Save as), then open it.
    SaveFirst,
    /// Undo every unsaved change and open it.
    Discard,
    /// Keep the data on screen with its changes; do not open it.
    Cancel,
}

/// The commands of the dataset editor.
#[derive(Clone, Debug, PartialEq)]
pub enum EditCommand {
    /// Open or close the form for the selected initiative.
    ToggleEditor,
    /// Set a text field of initiative `i` (typing in a row is one change for undo).
    SetText(usize, TextField, String),
    /// Type a date of initiative `i`: taken when it reads (as in our files or as people type it),
    /// kept as typed with the reason when it does not; empty clears it.
    SetDate(usize, DateField, String),
    /// Set the status of initiative `i`.
    SetStatus(usize, crate::model::Status),
    /// Turn a line of effort of initiative `i` on or off.
    ToggleLine(usize, crate::model::LineOfEffort),
    /// Move every date of initiative `i` by this many days, each at its precision (a drag on the
    /// timeline).
    ShiftDates(usize, i64),
    /// Set the places, related initiatives or sources of initiative `i` (ids, in order).
    SetList(usize, ListField, Vec<String>),
    /// Add a new initiative (selected, the form open).
    AddInitiative,
    /// Add a new initiative starting at this date (the timeline's "Add initiative here").
    AddInitiativeAt(crate::model::FuzzyDate),
    /// Add a new initiative at place `l` (the map's "Add initiative here" on a marker).
    AddInitiativeAtPlace(usize),
    /// Add a new place at this latitude and longitude and a new initiative at it (the map's "Add
    /// initiative here" on open ground): two changes for undo.
    AddInitiativeAtPoint(f64, f64),
    /// Add a copy of initiative `i` (a fresh id, "(copy)" after its title), selected.
    DuplicateInitiative(usize),
    /// Add a new source cited by initiative `i` (its fields are then edited in the form, under the
    /// initiative's sources): two changes for undo.
    AddSourceFor(usize),
    /// Delete initiative `i`; with `true`, the links other initiatives have to it go too.
    DeleteInitiative(usize, bool),
    /// Add a place at this latitude and longitude (Alt+click on the map; selected, the form open).
    AddPlace(f64, f64),
    /// Set a text field of place `l`.
    SetPlaceText(usize, PlaceField, String),
    /// Set what sort of place `l` is.
    SetPlaceKind(usize, crate::model::LocationKind),
    /// Set how exact the coordinates of place `l` are.
    SetPlacePrecision(usize, crate::model::PlacePrecision),
    /// Move place `l` to this latitude and longitude.
    MovePlace(usize, f64, f64),
    /// Delete place `l` (refused while initiatives are at it, naming them).
    DeletePlace(usize),
    /// Add a source (cited by nothing yet).
    AddSource,
    /// Set a field of source `s`; a date that does not read is refused with the reason.
    SetSource(usize, SourceField, String),
    /// Delete source `s` (refused while initiatives cite it, naming them).
    DeleteSource(usize),
    /// Add an era (this year, to be edited).
    AddEra,
    /// Set a field of era `e`; a date that does not read is refused with the reason.
    SetEra(usize, EraField, String),
    /// Delete era `e`.
    DeleteEra(usize),
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Save into the dataset's file (its other bytes kept), or ask where when it has none.
    Save,
    /// The file changed on disk since it was read: write the whole dataset over it anyway.
    SaveOver,
    /// Undo every change since the data was read or saved.
    Discard,
    /// What to do with a dataset opened while the data had unsaved changes (`State::held_open`).
    Held(HeldChoice),
    /// Replay unsaved edits kept by an earlier visit (`State::draft_text`) onto the same data.
    RestoreDraft(String),
    /// The whole dataset was downloaded as RON (Save in the browser): nothing is unsaved now.
    Downloaded(String),
}
