//! The verdict sentence, from `explain::verdict`.

use std::rc::Rc;

use yew::prelude::*;

use crate::explain;
use crate::model::Projection;
use crate::ui::format;
use crate::ui::host::use_lang;

#[derive(Properties, PartialEq)]
pub struct VerdictProps {
    pub projection: Rc<Projection>,
    pub cur: AttrValue,
    pub years: u32,
}

#[function_component(Verdict)]
pub fn verdict(p: &VerdictProps) -> Html {
    let cur = p.cur.to_string();
    let loc = format::use_locale();
    let lang = use_lang();
    let text = explain::verdict(
        &p.projection,
        p.years,
        lang,
        &|d| format::money(d, &cur, &loc),
        &|r| format::percent(r, &loc),
    );
    html! {
        <p class="verdict" data-fig="verdict" aria-live="polite">{ text }</p>
    }
}
