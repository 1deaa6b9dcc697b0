//! Alliance Atlas: a sourced dataset of alliance initiatives as a linked timeline, offline map,
//! location list and detail panels, and as a briefing deck.
//!
//! Layers (imports point down only): `main.rs` boots; [`app`] is the eframe shell; [`views`] draw
//! from `&State` and return commands; [`state`] holds the one `State` and applies `Command`s;
//! [`model`] is pure data and logic with no UI. See `ARCHITECTURE.md`.

pub mod app;
pub mod briefing;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod formats;
pub mod model;
pub mod platform;
pub mod state;
pub mod theme;
pub mod views;

pub use app::{AtlasApp, StartOptions};
pub use theme::install_fonts;
