//! The input groups: Pay, Equity, Token budget, You. Each field is built
//! from the model's field table (its name is the label) and the form state.

pub mod equity;
pub mod essentials;
pub mod field;
pub mod pay;
pub mod tokens;
pub mod you;

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use rust_decimal::prelude::ToPrimitive;

use crate::lang::Lang;
use crate::model::input::{FieldId, FullKey, Kind, Side, SliderRange, Value};
use crate::publish::{Section, WidgetConfig};
use crate::ui::app::{Action, FormState};
use crate::ui::geometry::length;
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
    pub up_front: &'static [FieldId],
    /// The reader's language.
    pub lang: Lang,
    pub callbacks: FieldCallbacks,
}

/// Callbacks by field key: a list, not a HashMap (a few dozen keys; the
/// HashMap added 7.5 KB to the wasm).
type Cache<T> = Rc<RefCell<Vec<(FullKey, Callback<T>)>>>;

/// The fields' callbacks, made once per field and kept for the widget's
/// life. Yew compares callbacks by identity: new ones on every render made
/// every field's props differ, so every field was rendered again on every
/// edit of any one (`make bench`, input latency).
#[derive(Clone)]
pub struct FieldCallbacks {
    dispatcher: UseReducerDispatcher<FormState>,
    edit: Cache<String>,
    set: Cache<String>,
    blur: Cache<()>,
}

impl PartialEq for FieldCallbacks {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.edit, &other.edit)
    }
}

impl FieldCallbacks {
    pub fn new(dispatcher: UseReducerDispatcher<FormState>) -> FieldCallbacks {
        FieldCallbacks {
            dispatcher,
            edit: Rc::default(),
            set: Rc::default(),
            blur: Rc::default(),
        }
    }

    /// The cached callback of `key` in `cache`, made by `make` the first time.
    fn cached<T>(
        cache: &Cache<T>,
        key: FullKey,
        make: impl FnOnce() -> Callback<T>,
    ) -> Callback<T> {
        if let Some((_, callback)) = cache.borrow().iter().find(|(k, _)| *k == key) {
            return callback.clone();
        }
        let callback = make();
        cache.borrow_mut().push((key, callback.clone()));
        callback
    }
}

impl Ctx {
    /// The key of a field in this offer (scenario-wide fields have one key).
    pub fn key(&self, field: FieldId) -> FullKey {
        FullKey::of(self.side, field)
    }

    pub fn id(&self, key: FullKey) -> String {
        format!("{}-{}", self.uid, key.to_string().replace('.', "-"))
    }

    pub fn locked(&self, key: FullKey) -> bool {
        self.config.locks(&key.to_string())
    }

    pub fn hidden(&self, section: Section) -> bool {
        self.config.hides(section)
    }

    /// Whether any of these fields is set away from its default or in error.
    pub fn any_set(&self, fields: &[FieldId]) -> bool {
        fields.iter().any(|f| self.state.form.is_set(self.key(*f)))
    }

    pub fn edit(&self, key: FullKey) -> Callback<String> {
        let c = &self.callbacks;
        FieldCallbacks::cached(&c.edit, key, || {
            let state = c.dispatcher.clone();
            Callback::from(move |text: String| state.dispatch(Action::Edit(key, text)))
        })
    }

    /// Edit and settle at once (selects, checkboxes, presets).
    pub fn set(&self, key: FullKey) -> Callback<String> {
        let c = &self.callbacks;
        FieldCallbacks::cached(&c.set, key, || {
            let state = c.dispatcher.clone();
            Callback::from(move |text: String| {
                state.dispatch(Action::Edit(key, text));
                state.dispatch(Action::Blur(key));
            })
        })
    }

    pub fn blur(&self, key: FullKey) -> Callback<()> {
        let c = &self.callbacks;
        FieldCallbacks::cached(&c.blur, key, || {
            let state = c.dispatcher.clone();
            Callback::from(move |()| state.dispatch(Action::Blur(key)))
        })
    }

    /// Whether this field is shown up front (article layout), not in its group.
    pub fn up_front(&self, field: FieldId) -> bool {
        self.up_front.contains(&field)
    }

    /// The standard text field for a field, labelled with the model's name
    /// and hinted with the field's hint.
    pub fn text_field(&self, field: FieldId) -> Html {
        self.text_field_hinted(
            field,
            crate::ui::field_hint(self.lang, field).map(AttrValue::Static),
        )
    }

    /// The standard text field with a hint worked out by the component.
    /// Nothing when the article layout shows the field up front.
    pub fn text_field_hinted(&self, field: FieldId, hint: Option<AttrValue>) -> Html {
        if self.up_front(field) {
            return Html::default();
        }
        let key = self.key(field);
        let def = field.def();
        let (unit, mode) = match def.kind {
            Kind::Percent { .. } => (Some("%"), "decimal"),
            Kind::Whole { unit, .. } => (Some(self.lang.say(&format!("unit.{unit}"))), "numeric"),
            Kind::Money { .. } => (None, "decimal"),
            _ => (None, "text"),
        };
        let form = &self.state.form;
        html! {
            <TextField
                id={self.id(key)}
                label={AttrValue::Static(crate::ui::field_name(self.lang, field))}
                text={form.text(key)}
                error={form.error_message(key, self.lang).map(AttrValue::from)}
                hint={hint}
                unit={unit.map(AttrValue::Static)}
                slider={def.slider.and_then(slider)}
                valid={match form.scenario.get(key) {
                    Some(Value::Number(d)) => Some(length(d)),
                    Some(Value::Whole(n)) => Some(f64::from(n)),
                    _ => None,
                }}
                locked={self.locked(key)}
                inputmode={AttrValue::Static(mode)}
                on_input={self.edit(key)}
                on_blur={self.blur(key)} />
        }
    }
}

/// The field's slider range in the numbers a range input takes.
fn slider(range: SliderRange) -> Option<Slider> {
    Some(Slider {
        min: range.min.to_f64()?,
        max: range.max.to_f64()?,
        step: range.step.to_f64()?,
    })
}
