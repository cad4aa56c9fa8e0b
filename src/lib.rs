pub mod codec;
pub mod colour;
pub mod explain;
pub mod lang;
pub mod model;
pub mod numbers;
pub mod publish;
pub mod ui;

#[cfg(target_arch = "wasm32")]
pub mod web;
