//! Views: each reads `&State` and returns `Command`s; none changes state or talks to another view.

pub mod deck_editor;
pub mod detail;
pub mod find;
pub mod location_list;
pub mod map;
pub mod presenter;
pub mod slide;
pub mod timeline;
