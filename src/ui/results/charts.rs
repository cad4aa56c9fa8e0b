//! Charts drawn as inline SVG: the pillars of the headline against what the
//! package is worth to you, and both per year. Geometry only uses `f64`;
//! every amount shown in words comes from the model.

use std::rc::Rc;

use rust_decimal::Decimal;

use yew::prelude::*;

use crate::lang::Lang;
use crate::model::{OfferProjection, Projection, Side};
use crate::ui::format;
use crate::ui::geometry::{box_points, length, svg_num, value_axis};
use crate::ui::host::use_lang;

#[derive(Properties, PartialEq)]
pub struct ChartsProps {
    pub projection: Rc<Projection>,
    pub cur: AttrValue,
    pub years: u32,
    /// The scenario's tax rate is above 0 ("pay after tax", else "pay").
    #[prop_or(true)]
    pub taxed: bool,
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
            let r = html! { <polygon class={*class} points={box_points(x, 0.0, w, 28.0)} /> };
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

fn pillars(o: &OfferProjection, max: f64, cur: &str, loc: &str, years: u32, lang: Lang) -> Html {
    let sum = |f: fn(&crate::model::Year) -> f64| o.years.iter().map(f).sum::<f64>();
    let pay = sum(|y| length(y.base) + length(y.bonus));
    let signing = sum(|y| length(y.signing));
    let equity = sum(|y| length(y.equity));
    let tokens = sum(|y| length(y.tokens));
    let kept = length(o.token_value_total);
    let cash_after_tax = (length(o.worth_total) - kept).max(0.0);
    let alt = lang.fill(
        if years == 1 {
            "charts.pillars.alt.one"
        } else {
            "charts.pillars.alt"
        },
        &[
            ("offer", &o.label),
            ("years", &years.to_string()),
            ("headline", &format::money(o.headline_total, cur, loc)),
            ("tokens", &format::money(o.tokens_total, cur, loc)),
            ("worth", &format::money(o.worth_total, cur, loc)),
            ("kept", &format::money(o.token_value_total, cur, loc)),
        ],
    );
    html! {
        <figure class="pillars" role="img" aria-label={alt}>
            <div class="bar-row">
                <span class="bar-label" aria-hidden="true">{ lang.fill("charts.bar.headline", &[("offer", &o.label)]) }<span class="bar-value">{ format::money(o.headline_total, cur, loc) }</span></span>
                { bar(&[("s-pay", pay), ("s-signing", signing), ("s-equity", equity), ("s-tokens", tokens)], max) }
            </div>
            <div class="bar-row">
                <span class="bar-label" aria-hidden="true">{ lang.fill("charts.bar.worth", &[("offer", &o.label)]) }<span class="bar-value">{ format::money(o.worth_total, cur, loc) }</span></span>
                { bar(&[("s-cash", cash_after_tax), ("s-kept", kept)], max) }
            </div>
        </figure>
    }
}

/// One bar of the year chart: what it shows, for its name and the readout.
struct YearBar {
    class: String,
    x: f64,
    height: f64,
    name: String,
}

#[derive(Properties, PartialEq)]
struct YearChartProps {
    projection: Rc<Projection>,
    cur: AttrValue,
    years: u32,
}

/// Headline and worth per year and offer, on a value axis with gridlines.
///
/// Reading the values: each bar is an `img` named with its value ("Offer A,
/// year 2: headline $486,250") and carries a `<title>`, which a pointer
/// shows on hover. The plot is one tab stop, not one per bar (up to 40):
/// the arrow keys (and Home, End) move through the bars as its active
/// descendant, the active bar is outlined and its value written under the
/// plot; a click or tap does the same. The year table has the same figures.
///
/// Layout: the bars' SVG stretches in width only (`preserveAspectRatio
/// none`, fixed height), so text never lives in it (it would scale); the
/// axis labels are HTML in a column beside it, spaced like the gridlines.
#[function_component(YearChart)]
fn year_chart(p: &YearChartProps) -> Html {
    const W: f64 = 600.0;
    const H: f64 = 200.0;
    let active = use_state(|| None::<usize>);
    let lang = use_lang();
    let offers = &p.projection.offers;
    let cur = p.cur.as_str();
    let locale = format::use_locale();
    let loc = locale.as_str();
    let years = p.years.max(1) as usize;
    let max = offers
        .iter()
        .flat_map(|o| o.years.iter().flat_map(|y| [y.headline, y.worth]))
        .fold(Decimal::ZERO, Decimal::max);
    let axis = value_axis(max);
    let top = axis.map_or(0.0, |(step, n)| length(step) * f64::from(n));
    let y_of = |v: f64| if top > 0.0 { v / top * H } else { 0.0 };
    let slot = W / years as f64;
    let per_offer = 2 * offers.len();
    let gap = slot * 0.2;
    let bw = (slot - gap) / per_offer.max(1) as f64;
    let mut bars = Vec::new();
    for i in 0..years {
        let x0 = i as f64 * slot + gap / 2.0;
        for (j, o) in offers.iter().enumerate() {
            let Some(y) = o.years.get(i) else { continue };
            let s = side_class(o.side);
            for (k, (kind, words, v)) in [
                ("headline", "charts.year_bar.headline", y.headline),
                ("worth", "charts.year_bar.worth", y.worth),
            ]
            .into_iter()
            .enumerate()
            {
                bars.push(YearBar {
                    class: format!("yb {kind} side-{s}"),
                    x: x0 + (j * 2 + k) as f64 * bw,
                    height: y_of(length(v).max(0.0)),
                    name: lang.fill(
                        words,
                        &[
                            ("offer", &o.label),
                            ("year", &y.year.to_string()),
                            ("amount", &format::money(v, cur, loc)),
                        ],
                    ),
                });
            }
        }
    }
    let count = bars.len();
    // Ids are unique per shadow root, and each widget has its own.
    let bar_id = |i: usize| format!("year-bar-{i}");
    let onkeydown = {
        let active = active.clone();
        Callback::from(move |e: KeyboardEvent| {
            let last = count.saturating_sub(1);
            let next = match (e.key().as_str(), *active) {
                ("ArrowRight" | "ArrowDown", None) | ("Home", _) => 0,
                ("ArrowLeft" | "ArrowUp", None) | ("End", _) => last,
                ("ArrowRight" | "ArrowDown", Some(i)) => (i + 1).min(last),
                ("ArrowLeft" | "ArrowUp", Some(i)) => i.saturating_sub(1),
                _ => return,
            };
            e.prevent_default();
            if count > 0 {
                active.set(Some(next));
            }
        })
    };
    let onfocus = {
        let active = active.clone();
        Callback::from(move |_: FocusEvent| {
            if active.is_none() && count > 0 {
                active.set(Some(0));
            }
        })
    };
    let current = (*active).filter(|i| *i < count);
    let readout = current.and_then(|i| bars.get(i)).map_or_else(
        || lang.say("charts.readout").to_string(),
        |b| b.name.clone(),
    );
    let rects = bars.iter().enumerate().map(|(i, b)| {
        let select = {
            let active = active.clone();
            Callback::from(move |_: MouseEvent| active.set(Some(i)))
        };
        html! {
            <g id={bar_id(i)} role="img" aria-label={b.name.clone()}
                class={classes!("bar-g", (current == Some(i)).then_some("active"))}
                onclick={select.clone()} onmouseenter={select}>
                <title>{ b.name.clone() }</title>
                <polygon class={b.class.clone()} points={box_points(b.x, H - b.height, (bw - 1.5).max(0.5), b.height)} />
            </g>
        }
    });
    let ticks: Vec<Decimal> = axis
        .map(|(step, n)| (0..=n).map(|i| step * Decimal::from(i)).collect())
        .unwrap_or_default();
    let gridlines = ticks.iter().map(|t| {
        let y = svg_num(H - y_of(length(*t)), 2);
        html! { <line class="gridline" x1="0" x2={svg_num(W, 0)} y1={y.clone()} y2={y} vector-effect="non-scaling-stroke" /> }
    });
    let labels: Vec<Html> = (0..years)
        .map(|i| html! { <span>{ lang.fill("charts.year", &[("year", &(i + 1).to_string())]) }</span> })
        .collect();
    html! {
        <figure class="per-year">
            <div class="plot-row">
                <div class="value-axis" aria-hidden="true">
                    { for ticks.iter().map(|t| html! { <span>{ format::money(*t, cur, loc) }</span> }) }
                </div>
                <div class="plot" tabindex="0" role="group"
                    aria-label={lang.say("charts.plot")}
                    aria-activedescendant={current.map(bar_id)} {onkeydown} {onfocus}>
                    <svg viewBox={format!("0 0 {} {}", svg_num(W, 0), svg_num(H, 0))} preserveAspectRatio="none"
                        width="100%" height={svg_num(H, 0)} focusable="false">
                        { for gridlines }
                        { for rects }
                    </svg>
                </div>
                <span aria-hidden="true"></span>
                <div class="year-axis" aria-hidden="true">{ for labels }</div>
            </div>
            <p class={classes!("readout", current.is_some().then_some("reading"))} aria-hidden="true">{ readout }</p>
            <ul class="legend" aria-hidden="true">
                { for offers.iter().flat_map(|o| {
                    let s = side_class(o.side);
                    [("headline", "charts.legend.headline"), ("worth", "charts.legend.worth")].into_iter().map(move |(k, t)| html! {
                        <li><svg class="swatch" viewBox="0 0 12 12" width="12" height="12" focusable="false">
                            <rect class={format!("yb {k} side-{s}")} x="0" y="0" width="12" height="12" rx="2" /></svg>
                            { lang.fill(t, &[("offer", &o.label)]) }</li>
                    })
                }) }
            </ul>
        </figure>
    }
}

#[function_component(Charts)]
pub fn charts(p: &ChartsProps) -> Html {
    let lang = use_lang();
    let max = p
        .projection
        .offers
        .iter()
        .map(|o| length(o.headline_total).max(length(o.worth_total)))
        .fold(0.0_f64, f64::max);
    let cur = p.cur.as_str();
    let locale = format::use_locale();
    html! {
        <section class="charts" aria-label={lang.say("charts.name")}>
            <h3>{ lang.say("charts.pillars") }</h3>
            { for p.projection.offers.iter().map(|o| pillars(o, max, cur, &locale, p.years, lang)) }
            <ul class="legend" aria-hidden="true">
                { swatch("s-pay", lang.say("charts.legend.pay")) }
                { swatch("s-signing", lang.say("charts.legend.signing")) }
                { swatch("s-equity", lang.say("charts.legend.equity")) }
                { swatch("s-tokens", lang.say("charts.legend.tokens")) }
                { swatch("s-cash", lang.say(if p.taxed { "charts.legend.cash.taxed" } else { "charts.legend.cash" })) }
                { swatch("s-kept", lang.say("charts.legend.kept")) }
            </ul>
            <h3>{ lang.say("charts.years") }</h3>
            <YearChart projection={p.projection.clone()} cur={p.cur.clone()} years={p.years} />
        </section>
    }
}
