//! Equity: grant, vesting schedule (presets or custom), refreshers, growth.
//! Folded unless a link or the reader set it.

use yew::prelude::*;

use crate::publish::Section;

use super::field::SelectField;
use super::Ctx;
use crate::model::input::FieldId;

/// Vesting presets: (value, catalogue key of its name).
pub const VEST_PRESETS: &[(&str, &str)] = &[
    ("25-25-25-25", "vest.even4"),
    ("5-15-40-40", "vest.back_loaded"),
    ("33.3333-33.3333-33.3334", "vest.even3"),
];

const CUSTOM: &str = "custom";

#[function_component(Equity)]
pub fn equity() -> Html {
    let ctx = use_context::<Ctx>();
    let custom = use_state(|| false);
    let Some(ctx) = ctx else {
        return Html::default();
    };
    if ctx.hidden(Section::Equity) {
        return Html::default();
    }
    let vest_key = ctx.key(FieldId::Vest);
    let vest_text = ctx.state.form.text(vest_key);
    let preset = VEST_PRESETS
        .iter()
        .find(|(v, _)| *v == vest_text)
        .map(|(v, _)| *v);
    let show_custom = *custom || preset.is_none() || ctx.state.form.error(vest_key).is_some();
    let selected = if show_custom {
        CUSTOM
    } else {
        preset.unwrap_or(CUSTOM)
    };
    let mut options: Vec<(AttrValue, AttrValue)> = VEST_PRESETS
        .iter()
        .map(|(v, n)| (AttrValue::Static(v), AttrValue::Static(ctx.lang.say(n))))
        .collect();
    options.push((
        AttrValue::Static(CUSTOM),
        AttrValue::Static(ctx.lang.say("vest.custom")),
    ));
    let on_preset = {
        let set = ctx.set(vest_key);
        let custom = custom.clone();
        Callback::from(move |v: String| {
            if v == CUSTOM {
                custom.set(true);
            } else {
                custom.set(false);
                set.emit(v);
            }
        })
    };
    html! {
        <details class="group fold" open={ctx.any_set(&[FieldId::Equity, FieldId::Vest, FieldId::Refresh, FieldId::Growth])}>
            <summary>{ ctx.lang.say("group.equity") }</summary>
            { ctx.text_field(FieldId::Equity) }
            <SelectField id={format!("{}-preset", ctx.id(vest_key))} label={ctx.lang.say("vest.label")}
                options={options} selected={AttrValue::Static(selected)}
                locked={ctx.locked(vest_key)} on_change={on_preset} />
            if show_custom {
                { ctx.text_field(FieldId::Vest) }
            }
            { ctx.text_field(FieldId::Refresh) }
            { ctx.text_field(FieldId::Growth) }
        </details>
    }
}
