//! One labelled input: a text field (with a slider beside it where a range
//! is natural), a select or a checkbox. The text is exactly what the form
//! holds; a bad value keeps it and shows the codec's message.

use crate::ui::geometry::{length, svg_num};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::ui::host::use_lang;

/// Why a locked field cannot be changed (its catalogue key), in the words of where the lock
/// came from: the standalone page's lock is in the link a recruiter sent;
/// an embed's is the publisher's `data-lock`. A context of its own (the
/// app provides it): a field that read the form's context (`Ctx`, new on
/// every edit) was rendered again on every keystroke in any field.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LockNote(&'static str);

impl LockNote {
    pub fn for_page(standalone: bool) -> LockNote {
        LockNote(if standalone {
            "lock.link"
        } else {
            "lock.publisher"
        })
    }
}

#[hook]
fn use_lock_note() -> &'static str {
    use_lang().say(
        use_context::<LockNote>()
            .unwrap_or(LockNote::for_page(false))
            .0,
    )
}

/// A slider's range and step (display only: the typed field is the value).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Slider {
    pub min: f64,
    pub max: f64,
    pub step: f64,
}

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    /// Element id, unique within the widget.
    pub id: AttrValue,
    pub label: AttrValue,
    pub text: AttrValue,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Shown after the field: "%", "years".
    #[prop_or_default]
    pub unit: Option<AttrValue>,
    #[prop_or_default]
    pub slider: Option<Slider>,
    /// The field's last valid value: where the slider stays while the
    /// typed text does not read as a number.
    #[prop_or_default]
    pub valid: Option<f64>,
    #[prop_or_default]
    pub locked: bool,
    /// `decimal` for numbers, `text` otherwise.
    #[prop_or(AttrValue::Static("decimal"))]
    pub inputmode: AttrValue,
    #[prop_or_default]
    pub class: Classes,
    pub on_input: Callback<String>,
    pub on_blur: Callback<()>,
}

fn input_value(e: &InputEvent) -> Option<String> {
    e.target_dyn_into::<HtmlInputElement>().map(|i| i.value())
}

#[function_component(TextField)]
pub fn text_field(p: &TextFieldProps) -> Html {
    let lock_note = use_lock_note();
    // The " (locked)" after a locked field's label (style.css), in the reader's language.
    let locked_word = use_lang().say("field.locked");
    let lang = use_lang();
    let err_id = format!("{}-err", p.id);
    let hint_id = format!("{}-hint", p.id);
    let mut described = Vec::new();
    if p.error.is_some() {
        described.push(err_id.clone());
    }
    if p.hint.is_some() || p.locked {
        described.push(hint_id.clone());
    }
    let described = (!described.is_empty()).then(|| described.join(" "));
    let oninput = {
        let cb = p.on_input.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(v) = input_value(&e) {
                cb.emit(v);
            }
        })
    };
    let onblur = {
        let cb = p.on_blur.clone();
        Callback::from(move |_: FocusEvent| cb.emit(()))
    };
    let slider = p.slider.map(|s| {
        // The slider is at the field's value; while the field is in error it
        // follows the typed text when that reads as a plain number, and
        // otherwise stays at the last valid value (not at its minimum). The
        // valid value first: typed text is in the reader's locale ("4,5" is
        // 4.5 in de-DE, not 45).
        let typed = || {
            p.text
                .trim()
                .replace(',', "")
                .parse::<rust_decimal::Decimal>()
                .ok()
                .map(length)
        };
        let at = match (p.error.is_none(), p.valid) {
            (true, Some(valid)) => valid,
            (_, valid) => typed().or(valid).unwrap_or(s.min),
        };
        let oninput = {
            let cb = p.on_input.clone();
            Callback::from(move |e: InputEvent| {
                if let Some(v) = input_value(&e) {
                    cb.emit(v);
                }
            })
        };
        let onchange = {
            let cb = p.on_blur.clone();
            Callback::from(move |_: Event| cb.emit(()))
        };
        html! {
            <input type="range" class="slider"
                aria-label={lang.fill("field.slider", &[("field", &p.label)])}
                min={svg_num(s.min, 4)} max={svg_num(s.max, 4)} step={svg_num(s.step, 4)}
                value={svg_num(at.clamp(s.min, s.max), 4)}
                disabled={p.locked}
                {oninput} {onchange} />
        }
    });
    let invalid = p.error.is_some();
    html! {
        <div class={classes!("field", p.class.clone(), invalid.then_some("invalid"), p.locked.then_some("locked"))}>
            <label for={p.id.clone()} data-locked={locked_word}>{ p.label.clone() }</label>
            <div class={classes!("control", slider.is_some().then_some("with-slider"))}>
                { slider.unwrap_or_default() }
                <span class="entry">
                    <input id={p.id.clone()} type="text" inputmode={p.inputmode.clone()}
                        autocomplete="off" spellcheck="false"
                        value={p.text.clone()}
                        readonly={p.locked}
                        aria-invalid={if invalid { "true" } else { "false" }}
                        aria-describedby={described}
                        {oninput} {onblur} />
                    if let Some(u) = &p.unit { <span class="unit" aria-hidden="true">{ u.clone() }</span> }
                </span>
            </div>
            if p.locked {
                <p class="hint" id={hint_id}>{ lock_note }</p>
            } else if let Some(h) = &p.hint {
                <p class="hint" id={hint_id}>{ h.clone() }</p>
            }
            if let Some(e) = &p.error {
                <p class="error" id={err_id} role="alert">{ e.clone() }</p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    /// (value, text) pairs.
    pub options: Vec<(AttrValue, AttrValue)>,
    pub selected: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub locked: bool,
    pub on_change: Callback<String>,
}

#[function_component(SelectField)]
pub fn select_field(p: &SelectFieldProps) -> Html {
    let lock_note = use_lock_note();
    // The " (locked)" after a locked field's label (style.css), in the reader's language.
    let locked_word = use_lang().say("field.locked");
    let hint_id = format!("{}-hint", p.id);
    let onchange = {
        let cb = p.on_change.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<HtmlSelectElement>() {
                cb.emit(s.value());
            }
        })
    };
    let has_hint = p.hint.is_some() || p.locked;
    html! {
        <div class={classes!("field", p.locked.then_some("locked"))}>
            <label for={p.id.clone()} data-locked={locked_word}>{ p.label.clone() }</label>
            <select id={p.id.clone()} disabled={p.locked}
                aria-describedby={has_hint.then(|| hint_id.clone())} {onchange}>
                { for p.options.iter().map(|(v, t)| html! {
                    <option value={v.clone()} selected={*v == p.selected}>{ t.clone() }</option>
                }) }
            </select>
            if p.locked {
                <p class="hint" id={hint_id}>{ lock_note }</p>
            } else if let Some(h) = &p.hint {
                <p class="hint" id={hint_id}>{ h.clone() }</p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct CheckFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub checked: bool,
    #[prop_or_default]
    pub locked: bool,
    pub on_change: Callback<bool>,
}

#[function_component(CheckField)]
pub fn check_field(p: &CheckFieldProps) -> Html {
    let lock_note = use_lock_note();
    // The " (locked)" after a locked field's label (style.css), in the reader's language.
    let locked_word = use_lang().say("field.locked");
    let onchange = {
        let cb = p.on_change.clone();
        Callback::from(move |e: Event| {
            if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                cb.emit(i.checked());
            }
        })
    };
    html! {
        <div class={classes!("field", "check", p.locked.then_some("locked"))}>
            <input id={p.id.clone()} type="checkbox" checked={p.checked} disabled={p.locked} {onchange} />
            <label for={p.id.clone()} data-locked={locked_word}>{ p.label.clone() }</label>
            if p.locked { <p class="hint">{ lock_note }</p> }
        </div>
    }
}
