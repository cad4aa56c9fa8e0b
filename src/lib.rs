pub mod codec;
pub mod explain;
pub mod model;

#[cfg(target_arch = "wasm32")]
pub mod web;
