//! The model's flags in plain language.

use std::rc::Rc;

use yew::prelude::*;

use crate::explain;
use crate::model::Projection;

#[derive(Properties, PartialEq)]
pub struct FlagsProps {
    pub projection: Rc<Projection>,
}

#[function_component(Flags)]
pub fn flags(p: &FlagsProps) -> Html {
    let two = p.projection.offers.len() > 1;
    let items: Vec<Html> = p
        .projection
        .offers
        .iter()
        .flat_map(|o| {
            o.flags.iter().map(move |f| {
                html! {
                    <li data-flag={f.id()}>
                        if two { <strong>{ format!("{}: ", o.label) }</strong> }
                        { explain::flag_text(*f) }
                    </li>
                }
            })
        })
        .collect();
    if items.is_empty() {
        return Html::default();
    }
    html! {
        <section class="flags" aria-label="What stands out">
            <h3>{ "What stands out" }</h3>
            <ul>{ for items }</ul>
        </section>
    }
}
