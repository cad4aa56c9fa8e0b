//! You: tax rate and horizon first; return on savings and currency folded.

use yew::prelude::*;

use crate::publish::Section;

use super::Ctx;

#[function_component(You)]
pub fn you() -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    if ctx.hidden(Section::You) {
        return Html::default();
    }
    html! {
        <fieldset class="group">
            <legend>{ "You" }</legend>
            { ctx.text_field("tax", Some("Effective marginal rate on cash pay.")) }
            { ctx.text_field("years", None) }
            <details class="more" open={ctx.any_set(&["invest", "cur"])}>
                <summary>{ "Savings and currency" }</summary>
                { ctx.text_field("invest", Some("Yearly return on money you keep.")) }
                { ctx.text_field("cur", Some("ISO code such as USD, EUR, GBP. Amounts are not converted.")) }
            </details>
        </fieldset>
    }
}
