//! Alliance Atlas: a sourced dataset of alliance initiatives as a linked timeline, offline map,
//! location list and detail panels, and as a briefing deck.
//!
//! Layers (imports point down only): `main.rs` boots; [`app`] is the eframe shell; [`views`] draw
//! from `&State` and return commands; [`state`] holds the one `State` and applies `Command`s;
//! [`model`] is pure data and logic with no UI. See `ARCHITECTURE.md`.

pub mod app;
mod app_chrome;
mod app_export;
mod app_link;
pub mod app_loader;
pub mod briefing;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod command;
pub mod export;
pub mod model;
pub mod platform;
pub mod state;
pub mod state_deck;
pub mod state_focus;
pub mod state_present;
pub mod theme;
pub mod views;

pub use app::{AtlasApp, StartOptions};
pub use app_chrome::install_fonts;
