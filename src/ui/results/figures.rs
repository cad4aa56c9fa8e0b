//! The headline figure beside the worth-to-you figure, and what the budget
//! amounts to: compute share, tokens as a share of base, cash equivalent,
//! and what it buys in essays a day.

use std::rc::Rc;

use yew::prelude::*;

use crate::explain;
use crate::model::{OfferProjection, Projection};
use crate::ui::format;

#[derive(Properties, PartialEq)]
pub struct FiguresProps {
    pub projection: Rc<Projection>,
    pub cur: AttrValue,
    pub years: u32,
    /// The answer of an article: both figures and the compute share in
    /// view, the other figures one click away.
    #[prop_or_default]
    pub brief: bool,
}

#[function_component(Figures)]
pub fn figures(p: &FiguresProps) -> Html {
    let two = p.projection.offers.len() > 1;
    let loc = format::use_locale();
    html! {
        <div class={classes!("figures", two.then_some("two"))}>
            { for p.projection.offers.iter().map(|o| offer(o, p, &loc)) }
        </div>
    }
}

/// A large figure; long amounts get a smaller size so they fit a phone.
fn big(name: &'static str, text: String) -> Html {
    let size = match text.chars().count() {
        0..=10 => None,
        11..=13 => Some("long"),
        _ => Some("longer"),
    };
    html! { <span class={classes!("fig-value", size)} data-fig={name}>{ text }</span> }
}

fn offer(o: &OfferProjection, p: &FiguresProps, loc: &str) -> Html {
    let cur = p.cur.as_str();
    let Some(y1) = o.first_year() else {
        return Html::default();
    };
    let side = match o.side {
        crate::model::Side::A => "a",
        crate::model::Side::B => "b",
    };
    let span = if p.years == 1 {
        "In year 1".to_string()
    } else {
        format!("Over {} years", p.years)
    };
    let essays = explain::essays(y1.tokens_per_day);
    let totals = html! {
            <p class="totals">
                { span }{ ": " }
                <strong data-fig="headline-total">{ format::money(o.headline_total, cur, loc) }</strong>{ " on paper, " }
                <strong data-fig="worth-total">{ format::money(o.worth_total, cur, loc) }</strong>{ " to you (" }
                <span data-fig="fv-total">{ format::money(o.fv_total, cur, loc) }</span>{ " with returns on what you keep)." }
            </p>
    };
    let compute_share = html! {
                <div>
                    <dt>{ "Compute share of the package" }</dt>
                    <dd data-fig="compute-share">{ format::percent(o.compute_share, loc) }</dd>
                </div>
    };
    let others = html! {
        <>
                <div>
                    <dt>{ "Tokens as a share of base" }</dt>
                    <dd data-fig="compute-to-base">{ o.compute_to_base.map(|r| format::percent(r, loc)).unwrap_or_else(|| "n/a".to_string()) }</dd>
                </div>
                <div>
                    <dt>{ "Cash equivalent of the budget" }</dt>
                    <dd data-fig="cash-equivalent">{ format::money(o.cash_equivalent, cur, loc) }
                        <span class="dd-note">{ " a year: the pre-tax raise worth the same to you" }</span></dd>
                </div>
                <div>
                    <dt>{ "What it buys" }</dt>
                    <dd data-fig="buys">{ format!("≈ {} essays a day", format::count(essays, loc)) }
                        <span class="dd-note">{ format!(" ({} tokens a day of {}, 10,000 tokens an essay)",
                            format::count_words(y1.tokens_per_day, loc), p.projection.model.name) }</span></dd>
                </div>
        </>
    };
    html! {
        <article class={classes!("offer-figures", format!("offer-{side}"))} data-offer={side}>
            <h3 class="offer-name">{ &o.label }</h3>
            <div class="pair">
                <div class="fig headline">
                    <span class="fig-label">{ "On paper" }</span>
                    { big("headline", format::money(y1.headline, cur, loc)) }
                    <span class="fig-sub">{ "a year, tokens included" }</span>
                </div>
                <div class="fig worth">
                    <span class="fig-label">{ "Worth to you" }</span>
                    { big("worth", format::money(y1.worth, cur, loc)) }
                    <span class="fig-sub">{ "a year, after tax" }</span>
                </div>
            </div>
            if p.brief {
                <dl class="stats">{ compute_share.clone() }</dl>
                <details class="more">
                    <summary>{ "More figures" }</summary>
                    { totals.clone() }
                    <dl class="stats">{ others.clone() }</dl>
                </details>
            } else {
                { totals }
                <dl class="stats">{ compute_share }{ others }</dl>
            }
        </article>
    }
}
