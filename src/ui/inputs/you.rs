//! You: tax rate and horizon first; return on savings, currency (with its
//! exchange rate when it is not USD) and a daily user's spend folded.

use yew::prelude::*;

use crate::publish::Section;

use super::Ctx;
use crate::codec::money::NumberStyle;
use crate::lang::Lang;
use crate::model::input::FieldId;
use crate::model::rates::{self, RATES_DATE, RATES_SOURCE};

/// The exchange rate's hint: where the rate shown comes from, or that one
/// is needed.
fn fx_hint(cur: &str, lang: Lang, style: NumberStyle) -> String {
    match rates::reference_rate(cur) {
        Some(rate) => lang.fill(
            "fx.hint.reference",
            &[
                ("currency", cur),
                ("date", RATES_DATE),
                ("rate", &style.write_ungrouped(rate)),
                ("source", RATES_SOURCE),
            ],
        ),
        None => lang.fill("fx.hint.none", &[("currency", cur)]),
    }
}

#[function_component(You)]
pub fn you() -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    if ctx.hidden(Section::You) {
        return Html::default();
    }
    // The currency as typed, so that a currency refused for want of a rate
    // shows the field that supplies it.
    let cur = ctx
        .state
        .form
        .text(ctx.key(FieldId::Cur))
        .trim()
        .to_ascii_uppercase();
    let show_fx = cur != "USD" || ctx.any_set(&[FieldId::Fx]);
    html! {
        <fieldset class="group">
            <legend>{ ctx.lang.say("group.you") }</legend>
            { ctx.text_field(FieldId::Tax) }
            { ctx.text_field(FieldId::Years) }
            <details class="more" open={ctx.any_set(&[FieldId::Invest, FieldId::Cur, FieldId::Fx, FieldId::Use, FieldId::Days])}>
                <summary>{ ctx.lang.say("group.you.more") }</summary>
                { ctx.text_field(FieldId::Invest) }
                { ctx.text_field(FieldId::Cur) }
                if show_fx {
                    { ctx.text_field_hinted(FieldId::Fx, Some(AttrValue::from(fx_hint(&cur, ctx.lang, ctx.state.form.style())))) }
                }
                { ctx.text_field(FieldId::Use) }
                { ctx.text_field(FieldId::Days) }
            </details>
        </fieldset>
    }
}
