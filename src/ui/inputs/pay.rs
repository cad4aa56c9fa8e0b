//! Pay: base salary and bonus first; raise and signing bonus folded.

use yew::prelude::*;

use crate::publish::Section;

use super::Ctx;

#[function_component(Pay)]
pub fn pay() -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    if ctx.hidden(Section::Pay) {
        return Html::default();
    }
    html! {
        <fieldset class="group">
            <legend>{ "Pay" }</legend>
            { ctx.text_field("base", Some("Per year. 375k and 1.2m work.")) }
            { ctx.text_field("bonus", Some("Target bonus, % of base.")) }
            <details class="more" open={ctx.any_set(&["raise", "signing"])}>
                <summary>{ "Raise and signing bonus" }</summary>
                { ctx.text_field("raise", Some("Yearly raise of base.")) }
                { ctx.text_field("signing", Some("Paid in year 1.")) }
            </details>
        </fieldset>
    }
}
