//! The compensation and token-share model of MODEL.md: pure, `Decimal` only,
//! no I/O and no text parsing.

// A panic in wasm kills every widget on the page: these layers return errors instead.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

pub mod currency;
pub mod input;
pub mod prices;
pub mod project;
pub mod rates;

pub use input::{
    Field, FieldId, FullKey, Kind, Offer, RangeProblem, Scenario, Side, Value, FIELDS,
};
pub use prices::Preset;
pub use project::{project, Comparison, ComputeError, Flag, OfferProjection, Projection, Year};
