//! Charts drawn as inline SVG: the pillars of the headline against what the
//! package is worth to you, and both per year. Geometry only uses `f64`;
//! every amount shown in words comes from the model.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::{OfferProjection, Projection, Side};
use crate::ui::format;
use crate::ui::geometry::{length, svg_num};

#[derive(Properties, PartialEq)]
pub struct ChartsProps {
    pub projection: Rc<Projection>,
    pub cur: AttrValue,
    pub years: u32,
}

fn side_class(side: Side) -> &'static str {
    match side {
        Side::A => "a",
        Side::B => "b",
    }
}

/// One horizontal stacked bar: (class, length) segments on a 0..=max scale.
fn bar(segments: &[(&'static str, f64)], max: f64) -> Html {
    let mut x = 0.0;
    let rects: Vec<Html> = segments
        .iter()
        .filter(|(_, v)| *v > 0.0)
        .map(|(class, v)| {
            let w = if max > 0.0 { v / max * 1000.0 } else { 0.0 };
            let r =
                html! { <rect class={*class} x={svg_num(x, 2)} y="0" width={svg_num(w, 2)} height="28" /> };
            x += w;
            r
        })
        .collect();
    html! {
        <svg class="bar" viewBox="0 0 1000 28" preserveAspectRatio="none" width="100%" height="28"
            aria-hidden="true" focusable="false">
            <rect class="track" x="0" y="0" width="1000" height="28" />
            { for rects }
        </svg>
    }
}

fn swatch(class: &'static str, text: &'static str) -> Html {
    html! {
        <li><svg class="swatch" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" focusable="false">
            <rect class={class} x="0" y="0" width="12" height="12" rx="2" /></svg>{ text }</li>
    }
}

fn pillars(o: &OfferProjection, max: f64, cur: &str, years: u32) -> Html {
    let sum = |f: fn(&crate::model::Year) -> f64| o.years.iter().map(f).sum::<f64>();
    let pay = sum(|y| length(y.base) + length(y.bonus));
    let signing = sum(|y| length(y.signing));
    let equity = sum(|y| length(y.equity));
    let tokens = sum(|y| length(y.tokens));
    let kept = length(o.token_value_total);
    let cash_after_tax = (length(o.worth_total) - kept).max(0.0);
    let alt = format!(
        "{}, over {years} year{}: the headline of {} includes {} of tokens; worth to you {}, of which {} from the tokens.",
        o.label,
        if years == 1 { "" } else { "s" },
        format::money(o.headline_total, cur),
        format::money(o.tokens_total, cur),
        format::money(o.worth_total, cur),
        format::money(o.token_value_total, cur),
    );
    html! {
        <figure class="pillars" role="img" aria-label={alt}>
            <div class="bar-row">
                <span class="bar-label" aria-hidden="true">{ format!("{} · headline", o.label) }<span class="bar-value">{ format::money(o.headline_total, cur) }</span></span>
                { bar(&[("s-pay", pay), ("s-signing", signing), ("s-equity", equity), ("s-tokens", tokens)], max) }
            </div>
            <div class="bar-row">
                <span class="bar-label" aria-hidden="true">{ format!("{} · worth to you", o.label) }<span class="bar-value">{ format::money(o.worth_total, cur) }</span></span>
                { bar(&[("s-cash", cash_after_tax), ("s-kept", kept)], max) }
            </div>
        </figure>
    }
}

fn per_year(p: &ChartsProps) -> Html {
    const W: f64 = 600.0;
    const H: f64 = 200.0;
    const TOP: f64 = 14.0;
    const BOTTOM: f64 = 2.0;
    let offers = &p.projection.offers;
    let years = p.years.max(1) as usize;
    let max = offers
        .iter()
        .flat_map(|o| o.years.iter().map(|y| length(y.headline)))
        .fold(0.0_f64, f64::max);
    let plot = H - TOP - BOTTOM;
    let slot = W / years as f64;
    let per_offer = 2 * offers.len();
    let gap = slot * 0.2;
    let bw = (slot - gap) / per_offer as f64;
    let y_of = |v: f64| if max > 0.0 { v / max * plot } else { 0.0 };
    let mut bars = Vec::new();
    let mut labels = Vec::new();
    for i in 0..years {
        let x0 = i as f64 * slot + gap / 2.0;
        for (j, o) in offers.iter().enumerate() {
            if let Some(y) = o.years.get(i) {
                let s = side_class(o.side);
                for (k, (kind, v)) in [("headline", length(y.headline)), ("worth", length(y.worth))]
                    .into_iter()
                    .enumerate()
                {
                    let h = y_of(v);
                    let x = x0 + (j * 2 + k) as f64 * bw;
                    bars.push(html! {
                        <rect class={format!("yb {kind} side-{s}")} x={svg_num(x, 2)} y={svg_num(TOP + plot - h, 2)}
                            width={svg_num((bw - 1.5).max(0.5), 2)} height={svg_num(h, 2)} />
                    });
                }
            }
        }
        labels.push(html! { <span>{ format!("Year {}", i + 1) }</span> });
    }
    let cur = p.cur.as_str();
    let alt = offers
        .iter()
        .map(|o| {
            let ys = o
                .years
                .iter()
                .map(|y| {
                    format!(
                        "year {}: headline {}, worth {}",
                        y.year,
                        format::money(y.headline, cur),
                        format::money(y.worth, cur)
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            format!("{}: {ys}.", o.label)
        })
        .collect::<Vec<_>>()
        .join(" ");
    html! {
        <figure class="per-year">
            <svg viewBox={format!("0 0 {} {}", svg_num(W, 0), svg_num(H, 0))} width="100%" role="img" aria-label={format!("Headline and worth to you per year. {alt}")}>
                <line class="baseline" x1="0" x2={svg_num(W, 0)} y1={svg_num(TOP + plot, 2)} y2={svg_num(TOP + plot, 2)} />
                { for bars }
            </svg>
            <div class="year-axis" aria-hidden="true">{ for labels }</div>
            <ul class="legend" aria-hidden="true">
                { for offers.iter().flat_map(|o| {
                    let s = side_class(o.side);
                    [("headline", "headline"), ("worth", "worth to you")].into_iter().map(move |(k, t)| html! {
                        <li><svg class="swatch" viewBox="0 0 12 12" width="12" height="12" focusable="false">
                            <rect class={format!("yb {k} side-{s}")} x="0" y="0" width="12" height="12" rx="2" /></svg>
                            { format!("{} {t}", o.label) }</li>
                    })
                }) }
            </ul>
        </figure>
    }
}

#[function_component(Charts)]
pub fn charts(p: &ChartsProps) -> Html {
    let max = p
        .projection
        .offers
        .iter()
        .map(|o| length(o.headline_total).max(length(o.worth_total)))
        .fold(0.0_f64, f64::max);
    let cur = p.cur.as_str();
    html! {
        <section class="charts" aria-label="Charts">
            <h3>{ "Where the headline comes from" }</h3>
            { for p.projection.offers.iter().map(|o| pillars(o, max, cur, p.years)) }
            <ul class="legend" aria-hidden="true">
                { swatch("s-pay", "Salary and bonus") }
                { swatch("s-signing", "Signing") }
                { swatch("s-equity", "Equity") }
                { swatch("s-tokens", "Tokens") }
                { swatch("s-cash", "Pay after tax") }
                { swatch("s-kept", "Tokens you keep") }
            </ul>
            <h3>{ "Year by year" }</h3>
            { per_year(p) }
        </section>
    }
}
