//! Runs the effects the state asks for — open a dataset through the data door, read or write a file —
//! and hands each outcome back to the state as a command, until nothing is left to do. Files go
//! through `platform`; a large dataset file may be handed to a loading thread instead.

use std::collections::VecDeque;
use std::path::Path;

use crate::formats::export::render::ExportFormat;
use crate::model::DEFAULT_DATASET;
use crate::state::{Command, DataSource, Effect, State, WriteFor};

/// Runs `effects` and every effect their outcomes lead to. `background` may take a dataset file to
/// load on a thread (it returns true when it did); otherwise the file is read here.
pub fn run(state: &mut State, effects: Vec<Effect>, mut background: impl FnMut(&Path) -> bool) {
    let mut queue: VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        let command = match effect {
            Effect::OpenDataset(DataSource::File(path)) => {
                if background(&path) {
                    continue;
                }
                Command::Loaded(Box::new(crate::formats::load_file(&path)), DataSource::File(path), None)
            }
            Effect::OpenDataset(DataSource::Embedded) => {
                Command::Loaded(Box::new(crate::formats::load_str(DEFAULT_DATASET)), DataSource::Embedded, None)
            }
            // Bytes without a path cannot be read again.
            Effect::OpenDataset(DataSource::Named(_)) => continue,
            Effect::OpenBytes(name, bytes) => Command::Loaded(
                Box::new(crate::formats::open(crate::formats::Input::Named(&name, &bytes), None)),
                DataSource::Named(name),
                None,
            ),
            Effect::OpenWith { source, name, bytes, options } => Command::Loaded(
                Box::new(crate::formats::open_with(crate::formats::Input::Named(&name, &bytes), None, &options)),
                source,
                None,
            ),
            Effect::Read(what, path) => {
                let text = crate::platform::read_text(&path);
                Command::Read(what, path, text)
            }
            Effect::Write { what, path, text, backup } => {
                let result = crate::platform::write_atomic(&path, text.as_bytes(), backup);
                Command::Written(what, path, result)
            }
            Effect::Download { what, name, text } => match crate::platform::download(&name, &text) {
                // The whole dataset as RON: Save in the browser, so nothing is unsaved any more.
                Ok(()) if what == WriteFor::Export { format: ExportFormat::Ron, whole: true } => {
                    Command::Edit(crate::state::command::EditCommand::Downloaded(name))
                }
                Ok(()) => continue,
                Err(e) => Command::Written(what, name.into(), Err(e)),
            },
        };
        queue.extend(state.apply(command));
    }
}

/// Applies a command and runs what it leads to, all on this thread (start-up, tests, benchmarks).
pub fn apply(state: &mut State, command: Command) {
    let effects = state.apply(command);
    run(state, effects, |_| false);
}

/// The command for an export the user asked for: to the file the save dialog gives (none when it
/// is cancelled), or a download in the browser.
pub fn export_asked(
    state: &State,
    format: crate::formats::export::render::ExportFormat,
    scope: crate::state::export::ExportScope,
) -> Option<Command> {
    use crate::state::export::{ExportCommand, ExportTarget};
    let name = crate::state::export::suggested_name(state.source(), format, scope);
    let target = if cfg!(target_arch = "wasm32") {
        Some(ExportTarget::Download(name))
    } else {
        crate::platform::pick_export_path(format, &name).map(ExportTarget::File)
    };
    target.map(|target| Command::Export(ExportCommand::Write { format, scope, target }))
}
