//! The results: figures, comparison, verdict, flags, charts, the per-year
//! table, sharing and taking the result away (CSV, image). They show the
//! model's figures; they compute none.

pub mod charts;
pub mod compare;
pub mod figures;
pub mod flags;
pub mod share;
pub mod table;
pub mod takeaway;
pub mod verdict;
