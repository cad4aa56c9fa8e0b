//! The per-year figures of each offer, in a collapsible table.

use std::rc::Rc;

use yew::prelude::*;

use crate::explain;
use crate::model::Projection;
use crate::ui::format;

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
    html! {
        <details class="table-wrap">
            <summary>{ "Year by year" }</summary>
            { for p.projection.offers.iter().map(|o| html! {
                <div class="scroll" tabindex="0" role="region" aria-label={format!("{}, year by year", o.label)}>
                    <table class="years">
                        <caption>{ &o.label }</caption>
                        <thead><tr>
                            <th scope="col">{ "Year" }</th>
                            <th scope="col">{ "Base" }</th>
                            <th scope="col">{ "Bonus" }</th>
                            <th scope="col">{ "Signing" }</th>
                            <th scope="col">{ "Equity" }</th>
                            <th scope="col">{ "Tokens" }</th>
                            <th scope="col">{ "Headline" }</th>
                            <th scope="col">{ "Tokens you keep" }</th>
                            <th scope="col">{ "Worth to you" }</th>
                            <th scope="col">{ "Essays a day" }</th>
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
