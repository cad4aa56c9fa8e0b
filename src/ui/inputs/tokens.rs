//! Token budget: the budget (an amount or a % of base), the model it buys,
//! what of it is yours; the rest folded.

use yew::prelude::*;

use crate::publish::Section;

use super::field::{CheckField, SelectField, TextField};
use super::Ctx;
use crate::lang::Lang;
use crate::model::input::FieldId;
use crate::model::prices::{PRESETS, PRICES_READ_ON, PRICES_SOURCE};
use crate::model::Value;
use crate::ui::app::Action;
use crate::ui::format;

/// The preset's list prices in words (US dollars with at least cents, in
/// the reader's locale), with their date, source and tier.
fn price_hint(model: &str, lang: Lang, locale: &str) -> String {
    let price = |d| format::price_usd(d, locale);
    match crate::model::prices::preset(model) {
        Some(p) => {
            let mut hint = lang.fill(
                "prices.hint",
                &[
                    ("input", &price(p.input)),
                    ("cached", &price(p.cache_read)),
                    ("output", &price(p.output)),
                    // The preset's own note (a tier) is the price table's
                    // data, in English there.
                    (
                        "note",
                        &p.note.map(|n| format!(" ({n})")).unwrap_or_default(),
                    ),
                    ("date", PRICES_READ_ON),
                    ("source", PRICES_SOURCE),
                ],
            );
            hint.push(' ');
            hint.push_str(lang.say("prices.long_context"));
            hint
        }
        None => String::new(),
    }
}

/// The token budget as an amount or a percent of base, with the switch
/// between the two (the Token budget group, or up front in an article).
pub fn budget(ctx: &Ctx) -> Html {
    let side = ctx.side;
    let form = &ctx.state.form;
    let tokens_key = ctx.key(FieldId::Tokens);
    let pct = form.pct_mode(side);
    let locked = ctx.locked(tokens_key);
    let mode = |on: bool| {
        let state = ctx.state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::PctMode(side, on)))
    };
    let field = if pct {
        let state = ctx.state.clone();
        let state2 = ctx.state.clone();
        html! {
            <TextField id={ctx.id(tokens_key)} label={ctx.lang.say("tokens.percent.label")}
                text={form.pct_text(side)}
                error={form.error_message(tokens_key, ctx.lang).map(AttrValue::from)}
                unit={AttrValue::Static("%")}
                hint={AttrValue::from(ctx.lang.fill("tokens.percent.hint", &[("amount", &form.text(tokens_key))]))}
                locked={locked}
                on_input={Callback::from(move |t: String| state.dispatch(Action::EditPct(side, t)))}
                on_blur={Callback::from(move |_| state2.dispatch(Action::BlurPct(side)))} />
        }
    } else {
        ctx.text_field(FieldId::Tokens)
    };
    html! {
        <>
            if !locked {
                <div class="toggle" role="group" aria-label={ctx.lang.say("tokens.mode")}>
                    <button type="button" aria-pressed={(!pct).to_string()} onclick={mode(false)}>{ ctx.lang.say("tokens.mode.amount") }</button>
                    <button type="button" aria-pressed={pct.to_string()} onclick={mode(true)}>{ ctx.lang.say("tokens.mode.percent") }</button>
                </div>
            }
            { field }
        </>
    }
}

#[function_component(Tokens)]
pub fn tokens() -> Html {
    let locale = format::use_locale();
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    if ctx.hidden(Section::Tokens) {
        return Html::default();
    }
    let form = &ctx.state.form;
    let model_options: Vec<(AttrValue, AttrValue)> = PRESETS
        .iter()
        .map(|p| {
            (
                AttrValue::Static(p.id),
                AttrValue::from(format!("{} ({})", p.name, p.provider)),
            )
        })
        .collect();
    let model_key = ctx.key(FieldId::Model);
    let imputed_key = ctx.key(FieldId::Imputed);
    let imputed = matches!(form.scenario.get(imputed_key), Some(Value::Bool(true)));
    let on_imputed = {
        let set = ctx.set(imputed_key);
        Callback::from(move |on: bool| set.emit(if on { "1" } else { "0" }.to_string()))
    };
    html! {
        <fieldset class="group">
            <legend>{ ctx.lang.say("group.tokens") }</legend>
            if !ctx.up_front(FieldId::Tokens) {
                { budget(&ctx) }
            }
            <SelectField id={ctx.id(model_key)} label={crate::ui::field_name(ctx.lang, FieldId::Model)}
                options={model_options}
                selected={AttrValue::from(form.scenario.model.clone())}
                hint={AttrValue::from(price_hint(&form.scenario.model, ctx.lang, &locale))}
                locked={ctx.locked(model_key)}
                on_change={ctx.set(model_key)} />
            { ctx.text_field(FieldId::Personal) }
            { ctx.text_field(FieldId::Own) }
            <details class="more" open={ctx.any_set(&[FieldId::Standard, FieldId::Imputed, FieldId::Tgrowth, FieldId::Decline, FieldId::Input, FieldId::Cache])}>
                <summary>{ ctx.lang.say("group.tokens.more") }</summary>
                { ctx.text_field(FieldId::Standard) }
                <CheckField id={ctx.id(imputed_key)} label={ctx.lang.say("tokens.imputed")}
                    checked={imputed} locked={ctx.locked(imputed_key)} on_change={on_imputed} />
                { ctx.text_field(FieldId::Tgrowth) }
                { ctx.text_field(FieldId::Decline) }
                { ctx.text_field(FieldId::Input) }
                { ctx.text_field(FieldId::Cache) }
            </details>
        </fieldset>
    }
}
