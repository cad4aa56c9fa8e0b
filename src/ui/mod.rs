//! The calculator's components. They show; they never compute money: every
//! figure comes from `crate::model::project`, every word from `crate::explain`,
//! every typed value goes through `crate::codec`.
//!
//! `form` has no web dependencies and build natively too (the
//! embed layer and native tests use them); the components are wasm-only, and only in the `app` feature
//! (the core wasm has no yew).

pub mod form;
pub mod geometry;

#[cfg(all(target_arch = "wasm32", feature = "app"))]
pub mod app;
#[cfg(all(target_arch = "wasm32", feature = "app"))]
pub mod embed_panel;
#[cfg(all(target_arch = "wasm32", feature = "app"))]
pub mod format;
#[cfg(all(target_arch = "wasm32", feature = "app"))]
pub mod host;
#[cfg(all(target_arch = "wasm32", feature = "app"))]
pub mod inputs;
#[cfg(all(target_arch = "wasm32", feature = "app"))]
pub mod results;

/// The widget's stylesheet, adopted by each shadow root (see `web::mount`).
pub const STYLE: &str = include_str!("style.css");
