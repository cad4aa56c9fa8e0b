//! The input groups: Pay, Equity, Token budget, You. Each field is built
//! from the model's field table (its name is the label) and the form state.

pub mod equity;
pub mod essentials;
pub mod field;
pub mod pay;
pub mod tokens;
pub mod you;

use std::rc::Rc;

use yew::prelude::*;

use crate::model::input::{field as field_def, Kind, Side};
use crate::publish::{Section, WidgetConfig};
use crate::ui::app::{Action, FormState};
use field::{Slider, TextField};

/// What every input component needs: the form, the presentation options,
/// and which offer's fields are being edited.
#[derive(Clone, PartialEq)]
pub struct Ctx {
    pub state: UseReducerHandle<FormState>,
    pub config: Rc<WidgetConfig>,
    pub side: Side,
    /// Prefix of element ids inside this widget.
    pub uid: AttrValue,
    /// Fields the article layout shows up front (`essentials::UP_FRONT`):
    /// the groups leave them out, so no field is there twice.
    pub up_front: &'static [&'static str],
}

impl Ctx {
    /// The full key of a field: per-offer fields of offer B get `b.`.
    pub fn full(&self, key: &str) -> String {
        match field_def(key) {
            Some(f) if f.per_offer => format!("{}{key}", self.side.prefix()),
            _ => key.to_string(),
        }
    }

    pub fn id(&self, full_key: &str) -> String {
        format!("{}-{}", self.uid, full_key.replace('.', "-"))
    }

    pub fn locked(&self, full_key: &str) -> bool {
        self.config.locks(full_key)
    }

    pub fn hidden(&self, section: Section) -> bool {
        self.config.hides(section)
    }

    /// Whether any of these fields is set away from its default or in error.
    pub fn any_set(&self, keys: &[&str]) -> bool {
        keys.iter().any(|k| self.state.form.is_set(&self.full(k)))
    }

    pub fn edit(&self, full_key: &str) -> Callback<String> {
        let state = self.state.clone();
        let key = full_key.to_string();
        Callback::from(move |text: String| state.dispatch(Action::Edit(key.clone(), text)))
    }

    /// Edit and settle at once (selects, checkboxes, presets).
    pub fn set(&self, full_key: &str) -> Callback<String> {
        let state = self.state.clone();
        let key = full_key.to_string();
        Callback::from(move |text: String| {
            state.dispatch(Action::Edit(key.clone(), text));
            state.dispatch(Action::Blur(key.clone()));
        })
    }

    pub fn blur(&self, full_key: &str) -> Callback<()> {
        let state = self.state.clone();
        let key = full_key.to_string();
        Callback::from(move |_| state.dispatch(Action::Blur(key.clone())))
    }

    /// Whether the field of this bare key is shown up front, not in its group.
    pub fn up_front(&self, key: &str) -> bool {
        self.up_front.contains(&key)
    }

    /// The standard text field for a key, labelled with the model's name
    /// (nothing when the article layout shows it up front).
    pub fn text_field(&self, key: &str, hint: Option<&str>) -> Html {
        if self.up_front(key) {
            return Html::default();
        }
        let full = self.full(key);
        let def = field_def(key);
        let label: AttrValue = match def {
            Some(f) => AttrValue::Static(f.name),
            None => AttrValue::from(key.to_string()),
        };
        let (unit, slider, mode) = match def.map(|f| f.kind) {
            Some(Kind::Percent { .. }) => (Some("%"), slider_for(key), "decimal"),
            Some(Kind::Years { .. }) => (
                Some("years"),
                Some(Slider {
                    min: 1.0,
                    max: 10.0,
                    step: 1.0,
                }),
                "numeric",
            ),
            Some(Kind::Money { .. }) => (None, None, "decimal"),
            _ => (None, None, "text"),
        };
        let form = &self.state.form;
        html! {
            <TextField
                id={self.id(&full)}
                label={label}
                text={form.text(&full)}
                error={form.error(&full).map(|e| AttrValue::from(e.to_string()))}
                hint={hint.map(|h| AttrValue::from(h.to_string()))}
                unit={unit.map(AttrValue::Static)}
                slider={slider}
                locked={self.locked(&full)}
                inputmode={AttrValue::Static(mode)}
                on_input={self.edit(&full)}
                on_blur={self.blur(&full)} />
        }
    }
}

/// Natural slider ranges for percent fields (the typed field accepts the
/// codec's full range).
fn slider_for(key: &str) -> Option<Slider> {
    let (min, max, step) = match key {
        "raise" => (-10.0, 20.0, 0.5),
        "bonus" => (0.0, 50.0, 1.0),
        "growth" | "tgrowth" => (-50.0, 100.0, 1.0),
        "personal" | "input" | "cache" => (0.0, 100.0, 1.0),
        "decline" => (0.0, 60.0, 1.0),
        "tax" => (0.0, 60.0, 0.5),
        "invest" => (-10.0, 20.0, 0.5),
        _ => return None,
    };
    Some(Slider { min, max, step })
}
