//! The model's flags in plain language.

use std::rc::Rc;

use yew::prelude::*;

use crate::explain;
use crate::model::Projection;
use crate::ui::host::use_lang;

#[derive(Properties, PartialEq)]
pub struct FlagsProps {
    pub projection: Rc<Projection>,
}

#[function_component(Flags)]
pub fn flags(p: &FlagsProps) -> Html {
    let lang = use_lang();
    let two = p.projection.offers.len() > 1;
    let items: Vec<Html> = p
        .projection
        .offers
        .iter()
        .flat_map(|o| {
            o.flags.iter().map(move |f| {
                html! {
                    <li data-flag={f.id()}>
                        if two { <strong>{ lang.fill("flags.offer", &[("offer", &o.label)]) }</strong>{ " " } }
                        { explain::flag_text(*f, lang) }
                    </li>
                }
            })
        })
        .collect();
    if items.is_empty() {
        return Html::default();
    }
    html! {
        <section class="flags" aria-label={lang.say("flags.title")}>
            <h3>{ lang.say("flags.title") }</h3>
            <ul>{ for items }</ul>
        </section>
    }
}
