//! You: tax rate and horizon first; return on savings and currency folded.

use yew::prelude::*;

use super::Ctx;
use crate::model::input::FieldId;

#[function_component(You)]
pub fn you() -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    if ctx.hidden("you") {
        return Html::default();
    }
    html! {
        <fieldset class="group">
            <legend>{ "You" }</legend>
            { ctx.text_field(FieldId::Tax) }
            { ctx.text_field(FieldId::Years) }
            <details class="more" open={ctx.any_set(&[FieldId::Invest, FieldId::Cur])}>
                <summary>{ "Savings and currency" }</summary>
                { ctx.text_field(FieldId::Invest) }
                { ctx.text_field(FieldId::Cur) }
            </details>
        </fieldset>
    }
}
