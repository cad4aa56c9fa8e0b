//! Pay: base salary and bonus first; raise and signing bonus folded.

use yew::prelude::*;

use crate::publish::Section;

use super::Ctx;
use crate::model::input::FieldId;

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
            <legend>{ ctx.lang.say("group.pay") }</legend>
            { ctx.text_field(FieldId::Base) }
            { ctx.text_field(FieldId::Bonus) }
            <details class="more" open={ctx.any_set(&[FieldId::Raise, FieldId::Signing])}>
                <summary>{ ctx.lang.say("group.pay.more") }</summary>
                { ctx.text_field(FieldId::Raise) }
                { ctx.text_field(FieldId::Signing) }
            </details>
        </fieldset>
    }
}
