//! The per-year figures of each offer, in a collapsible table.

use std::rc::Rc;

use yew::prelude::*;

use crate::explain;
use crate::model::Projection;
use crate::ui::format;
use crate::ui::host::use_lang;

#[derive(Properties, PartialEq)]
pub struct TableProps {
    pub projection: Rc<Projection>,
    pub cur: AttrValue,
}

#[function_component(YearTable)]
pub fn year_table(p: &TableProps) -> Html {
    let cur = p.cur.as_str();
    let loc = format::use_locale();
    let m = |d| format::money(d, cur, &loc);
    let lang = use_lang();
    let columns = [
        "table.year",
        "table.base",
        "table.bonus",
        "table.signing",
        "table.equity",
        "table.tokens",
        "table.headline",
        "table.kept",
        "table.worth",
        "table.essays",
    ];
    html! {
        <details class="table-wrap">
            <summary>{ lang.say("table.title") }</summary>
            { for p.projection.offers.iter().map(|o| html! {
                <div class="scroll" tabindex="0" role="region" aria-label={lang.fill("table.name", &[("offer", &o.label)])}>
                    <table class="years">
                        <caption>{ &o.label }</caption>
                        <thead><tr>
                            { for columns.iter().map(|key| html! { <th scope="col">{ lang.say(key) }</th> }) }
                        </tr></thead>
                        <tbody>
                            { for o.years.iter().map(|y| html! {
                                <tr>
                                    <th scope="row">{ y.year }</th>
                                    <td>{ m(y.base) }</td>
                                    <td>{ m(y.bonus) }</td>
                                    <td>{ m(y.signing) }</td>
                                    <td>{ m(y.equity) }</td>
                                    <td>{ m(y.tokens) }</td>
                                    <td>{ m(y.headline) }</td>
                                    <td>{ m(y.token_value) }</td>
                                    <td>{ m(y.worth) }</td>
                                    <td>{ format::count(explain::essays(y.tokens_per_day), &loc) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }) }
        </details>
    }
}
