//! The four inputs that matter most, shown up front in an article: base,
//! token budget, personal use and tax. Everything else is one click away,
//! in the groups (which leave these four out: `Ctx::up_front`).

use yew::prelude::*;

use super::{tokens, Ctx};

/// The bare keys shown up front, in order.
pub const UP_FRONT: &[&str] = &["base", "tokens", "personal", "tax"];

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
            <div class="essential">{ ctx.text_field("base", Some("Per year. 375k and 1.2m work.")) }</div>
            <div class="essential">{ tokens::budget(&ctx) }</div>
            <div class="essential">{ ctx.text_field("personal", Some("Share of the budget you may use for yourself.")) }</div>
            <div class="essential">{ ctx.text_field("tax", Some("Effective marginal rate on cash pay.")) }</div>
        </div>
    }
}
