//! The compensation and token-share model of MODEL.md: pure, `Decimal` only,
//! no I/O and no text parsing.

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
