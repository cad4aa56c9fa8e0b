//! Two offers side by side: totals and the differences, and a plain warning
//! when the bigger headline is the smaller real offer.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::Projection;
use crate::numbers::shown_difference;
use crate::ui::format;

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub projection: Rc<Projection>,
    pub cur: AttrValue,
    pub years: u32,
}

#[function_component(Compare)]
pub fn compare(p: &CompareProps) -> Html {
    let (Some(c), [a, b]) = (&p.projection.compare, p.projection.offers.as_slice()) else {
        return Html::default();
    };
    let cur = p.cur.as_str();
    let loc = format::use_locale();
    // The difference of the figures as shown, so the row adds up.
    let row = |name: &str, va, vb| {
        let d = shown_difference(va, vb);
        html! {
            <tr>
                <th scope="row">{ name.to_string() }</th>
                <td>{ format::money(va, cur, &loc) }</td>
                <td>{ format::money(vb, cur, &loc) }</td>
                <td class="delta">{ format::money_delta(d, cur, &loc) }</td>
            </tr>
        }
    };
    html! {
        <section class="compare" aria-label="Comparison">
            <h3>{ format!("{} against {}, over {} year{}", b.label, a.label, p.years, if p.years == 1 { "" } else { "s" }) }</h3>
            if c.headline_misleads {
                <p class="misleads" data-fig="misleads">
                    <strong>{ "The bigger headline is the smaller real offer. " }</strong>
                    { "Judge the offers by what they are worth to you, not by the letter." }
                </p>
            }
            <div class="scroll" tabindex="0" role="region" aria-label="Totals side by side">
                <table>
                    <thead>
                        <tr><td></td><th scope="col">{ &a.label }</th><th scope="col">{ &b.label }</th>
                            <th scope="col">{ format!("{} − {}", b.label, a.label) }</th></tr>
                    </thead>
                    <tbody>
                        { row("Headline", a.headline_total, b.headline_total) }
                        { row("Worth to you", a.worth_total, b.worth_total) }
                        { row("With returns", a.fv_total, b.fv_total) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
