//! The four inputs that matter most, shown up front in an article: base,
//! token budget, personal use and tax. Everything else is one click away,
//! in the groups (which leave these four out: `Ctx::up_front`).

use yew::prelude::*;

use super::{tokens, Ctx};
use crate::model::input::FieldId;

/// The fields shown up front, in order.
pub const UP_FRONT: &[FieldId] = &[
    FieldId::Base,
    FieldId::Tokens,
    FieldId::Personal,
    FieldId::Tax,
];

#[function_component(Essentials)]
pub fn essentials() -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    // This block shows the four itself.
    let ctx = Ctx {
        up_front: &[],
        ..ctx
    };
    html! {
        <div class="essentials">
            <div class="essential">{ ctx.text_field(FieldId::Base) }</div>
            <div class="essential">{ tokens::budget(&ctx) }</div>
            <div class="essential">{ ctx.text_field(FieldId::Personal) }</div>
            <div class="essential">{ ctx.text_field(FieldId::Tax) }</div>
        </div>
    }
}
