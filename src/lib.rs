//! Alliance Atlas: a sourced dataset of alliance initiatives as a linked timeline, offline map,
//! location list and detail panels, and as a briefing deck.
//!
//! Layers (imports point down only): `main.rs` boots; [`app`] is the eframe shell; [`views`] draw
//! from `&State` and return commands; [`state`] holds the one `State` and applies `Command`s;
//! [`model`] is pure data and logic with no UI. See `ARCHITECTURE.md`.

//!
//! Without the `app` feature (on by default) only [`model`], [`formats`], [`briefing`] and
//! [`fuzz_targets`] are built: what the fuzz crate needs, without eframe.

#[cfg(feature = "app")]
pub mod app;
pub mod briefing;
#[cfg(all(feature = "app", not(target_arch = "wasm32")))]
pub mod cli;
pub mod formats;
pub mod fuzz_targets;
pub mod model;
#[cfg(feature = "app")]
pub mod platform;
#[cfg(feature = "app")]
pub mod state;
#[cfg(feature = "app")]
pub mod theme;
#[cfg(feature = "app")]
pub mod views;

#[cfg(feature = "app")]
pub use app::{AtlasApp, StartOptions};
#[cfg(feature = "app")]
pub use theme::install_fonts;
