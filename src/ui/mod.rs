//! The calculator's components. They show; they never compute money: every
//! figure comes from `crate::model::project`, every word from `crate::explain`,
//! every typed value goes through `crate::codec`.
//!
//! `form` has no web dependencies and build natively too (the
//! embed layer and native tests use them); the components are wasm-only, and only in the `app` feature
//! (the core wasm has no yew).

pub mod form;
pub mod geometry;
pub mod words;

#[cfg(all(target_arch = "wasm32", feature = "app"))]
pub mod app;
#[cfg(all(target_arch = "wasm32", feature = "app"))]
pub mod deferred;
#[cfg(all(target_arch = "wasm32", feature = "app"))]
pub mod embed_panel;
// Also in the core: badges write their figures in the reader's locale.
#[cfg(target_arch = "wasm32")]
pub mod format;
#[cfg(all(target_arch = "wasm32", feature = "app"))]
pub mod host;
#[cfg(all(target_arch = "wasm32", feature = "app"))]
pub mod inputs;
#[cfg(all(target_arch = "wasm32", feature = "app"))]
pub mod results;

use crate::lang::Lang;
use std::rc::Rc;

use crate::model::input::{FieldId, Offer, Side};
use crate::model::Projection;

/// A field's label in the reader's language (`field.KEY.name`).
pub fn field_name(lang: Lang, field: FieldId) -> &'static str {
    lang.say(&format!("field.{}.name", field.def().key))
}

/// The line under a field in the reader's language, if it has one.
pub fn field_hint(lang: Lang, field: FieldId) -> Option<&'static str> {
    field
        .def()
        .hint
        .map(|_| lang.say(&format!("field.{}.hint", field.def().key)))
}

/// An offer's name as the reader sees it: the default names ("Offer A",
/// "Offer B", the scenario's data, kept in links) in the reader's
/// language; a name someone gave it as written.
pub fn offer_label(lang: Lang, side: Side, label: &str) -> String {
    let default = Offer::default_for(side).label;
    if label == default {
        lang.say(match side {
            Side::A => "offer.a",
            Side::B => "offer.b",
        })
        .to_string()
    } else {
        label.to_string()
    }
}

/// The projection with its offers named as the reader sees them
/// (`offer_label`); the same projection in English.
pub fn shown(projection: &Rc<Projection>, lang: Lang) -> Rc<Projection> {
    if lang == Lang::En {
        return projection.clone();
    }
    let mut shown = (**projection).clone();
    for offer in &mut shown.offers {
        offer.label = offer_label(lang, offer.side, &offer.label);
    }
    Rc::new(shown)
}

/// The widget's stylesheet, adopted by each shadow root (see `web::mount`).
pub const STYLE: &str = include_str!("style.css");
