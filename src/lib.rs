//! Alliance Atlas: a sourced dataset of alliance initiatives as a linked timeline, offline map,
//! location list and detail panels, and as a briefing deck.
//!
//! Layers (imports point down only): `main.rs` boots; [`app`] is the eframe shell; [`model`] is pure
//! data and logic with no UI. See `ARCHITECTURE.md`.

pub mod app;
pub mod cli;
pub mod model;

pub use app::AtlasApp;
