pub mod codec;
pub mod model;

#[cfg(target_arch = "wasm32")]
pub mod web;
