//! The headline figure beside the worth-to-you figure, and what the budget
//! amounts to: compute share, tokens as a share of base, cash equivalent,
//! and what it buys in essays a day.

use std::rc::Rc;

use yew::prelude::*;

use crate::explain;
use crate::lang::Lang;
use crate::model::{OfferProjection, Projection};
use crate::ui::format;
use crate::ui::host::use_lang;

/// A sentence from the catalogue with some placeholders filled by markup
/// (a figure in `<strong>`): the text between them stays as translated.
pub fn sentence(text: String, parts: &[(&str, Html)]) -> Html {
    let mut out = Vec::new();
    let mut rest = text.as_str();
    while let Some(open) = rest.find('{') {
        let after = rest.get(open + 1..).unwrap_or_default();
        let Some(close) = after.find('}') else { break };
        let name = after.get(..close).unwrap_or_default();
        out.push(html! { { rest.get(..open).unwrap_or_default().to_string() } });
        match parts.iter().find(|(n, _)| *n == name) {
            Some((_, part)) => out.push(part.clone()),
            None => out.push(
                html! { { rest.get(open..open + close + 2).unwrap_or_default().to_string() } },
            ),
        }
        rest = after.get(close + 1..).unwrap_or_default();
    }
    out.push(html! { { rest.to_string() } });
    html! { <>{ for out }</> }
}

#[derive(Properties, PartialEq)]
pub struct FiguresProps {
    pub projection: Rc<Projection>,
    pub cur: AttrValue,
    pub years: u32,
    /// The answer of an article: both figures and the compute share in
    /// view, the other figures one click away.
    #[prop_or_default]
    pub brief: bool,
    /// The scenario's tax rate is above 0: only then is "worth to you"
    /// after tax.
    #[prop_or(true)]
    pub taxed: bool,
    /// Prefix of element ids in this widget.
    #[prop_or(AttrValue::Static("tw"))]
    pub uid: AttrValue,
}

/// A multiple to one decimal, half away from zero (as the CLI writes it).
/// The use multiple to a tenth, with the locale's decimal mark (33,4 in de-DE).
fn multiple_text(multiple: rust_decimal::Decimal, loc: &str) -> String {
    let tenth = multiple
        .round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    format::number_style(loc).write_ungrouped(tenth)
}

#[function_component(Figures)]
pub fn figures(p: &FiguresProps) -> Html {
    let lang = use_lang();
    let two = p.projection.offers.len() > 1;
    let loc = format::use_locale();
    html! {
        <div class={classes!("figures", two.then_some("two"))}>
            { for p.projection.offers.iter().map(|o| offer(o, p, &loc, lang)) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct StatProps {
    /// The figure's name in the catalogue (`figures.compute_share`); its
    /// one-line explanation is under `NAME.explain`.
    name: &'static str,
    /// Unique within the widget: ties the button to its line.
    id: AttrValue,
    /// The `dd`: the figure and its note.
    children: Html,
}

/// One figure of the stats list with a "?" button that shows what it means
/// in one line: a real button (Tab, Enter, Space, a click or a tap; not
/// hover), `aria-expanded`, and the line tied to it by `aria-describedby`
/// and `aria-controls`. The line takes its own height only: nothing else
/// moves.
#[function_component(Stat)]
fn stat(p: &StatProps) -> Html {
    let lang = use_lang();
    let loc = format::use_locale();
    let open = use_state(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let name = lang.say(p.name);
    // The essay's size is the one number a line names.
    let essay = format::count(rust_decimal::Decimal::from(explain::TOKENS_PER_ESSAY), &loc);
    let line = lang.fill(&format!("{}.explain", p.name), &[("essay", &essay)]);
    html! {
        <div>
            <dt>{ name }
                <button type="button" class="explain" aria-expanded={open.to_string()}
                    aria-controls={p.id.clone()} aria-describedby={p.id.clone()}
                    aria-label={lang.fill("figures.explain", &[("figure", name)])}
                    onclick={toggle}>{ "?" }</button>
            </dt>
            { p.children.clone() }
            // A second `dd` of the same term: a valid list for assistive technology.
            <dd class="explain-line" id={p.id.clone()} hidden={!*open}>{ line }</dd>
        </div>
    }
}

/// A large figure; long amounts get a smaller size so they fit a phone.
/// Nine characters is already long: "750.000 $" (de-DE) ran into the figure
/// beside it at 390 px, where "$750,000" (eight) fits.
fn big(name: &'static str, text: String) -> Html {
    let size = match text.chars().count() {
        0..=8 => None,
        9..=13 => Some("long"),
        _ => Some("longer"),
    };
    html! { <span class={classes!("fig-value", size)} data-fig={name}>{ text }</span> }
}

fn offer(o: &OfferProjection, p: &FiguresProps, loc: &str, lang: Lang) -> Html {
    let cur = p.cur.as_str();
    let Some(y1) = o.first_year() else {
        return Html::default();
    };
    let side = match o.side {
        crate::model::Side::A => "a",
        crate::model::Side::B => "b",
    };
    let span = if p.years == 1 {
        lang.say("figures.span.first_year").to_string()
    } else {
        lang.fill("figures.span.years", &[("years", &p.years.to_string())])
    };
    let essays = explain::essays(y1.tokens_per_day);
    let id = |name: &str| AttrValue::from(format!("{}-{side}-{name}-why", p.uid));
    let totals = html! {
            <p class="totals">
                { sentence(lang.fill("figures.totals", &[("span", &span)]), &[
                    ("headline", html! { <strong data-fig="headline-total">{ format::money(o.headline_total, cur, loc) }</strong> }),
                    ("worth", html! { <strong data-fig="worth-total">{ format::money(o.worth_total, cur, loc) }</strong> }),
                    ("returns", html! { <span data-fig="fv-total">{ format::money(o.fv_total, cur, loc) }</span> }),
                ]) }
            </p>
    };
    let compute_share = html! {
                <Stat name={"figures.compute_share"} id={id("share")}>
                    <dd data-fig="compute-share">{ format::percent(o.compute_share, loc) }</dd>
                </Stat>
    };
    let others = html! {
        <>
                <Stat name={"figures.compute_to_base"} id={id("base")}>
                    <dd data-fig="compute-to-base">{ o.compute_to_base.map(|r| format::percent(r, loc)).unwrap_or_else(|| lang.say("figures.not_applicable").to_string()) }</dd>
                </Stat>
                <Stat name={"figures.cash_equivalent"} id={id("cash")}>
                    <dd data-fig="cash-equivalent">{ format::money(o.cash_equivalent, cur, loc) }
                        <span class="dd-note">{ " " }{ lang.say("figures.cash_equivalent.note") }</span></dd>
                </Stat>
                if let Some(multiple) = o.use_multiple {
                    <Stat name={"figures.use_multiple"} id={id("use")}>
                        <dd data-fig="use-multiple">{ lang.fill("figures.use_multiple.value", &[("multiple", &multiple_text(multiple, loc))]) }
                            <span class="dd-note">{ " " }{ lang.fill("figures.use_multiple.note", &[("amount", &format::money(p.projection.use_year, cur, loc))]) }</span></dd>
                    </Stat>
                }
                <Stat name={"figures.buys"} id={id("buys")}>
                    <dd data-fig="buys">{ lang.fill("figures.buys.essays", &[("count", &format::count(essays, loc))]) }
                        <span class="dd-note">{ " " }{ lang.fill("figures.buys.note", &[
                            ("tokens", &format::count_words(y1.tokens_per_day, loc)),
                            ("model", p.projection.model.name),
                            ("essay", &format::count(rust_decimal::Decimal::from(explain::TOKENS_PER_ESSAY), loc)),
                        ]) }</span></dd>
                </Stat>
        </>
    };
    html! {
        <article class={classes!("offer-figures", format!("offer-{side}"))} data-offer={side}>
            <h3 class="offer-name">{ &o.label }</h3>
            <div class="pair">
                <div class="fig headline">
                    <span class="fig-label">{ lang.say("figures.headline") }</span>
                    { big("headline", format::money(y1.headline, cur, loc)) }
                    <span class="fig-sub">{ lang.say("figures.headline.sub") }</span>
                </div>
                <div class="fig worth">
                    <span class="fig-label">{ lang.say("figures.worth") }</span>
                    { big("worth", format::money(y1.worth, cur, loc)) }
                    <span class="fig-sub" data-fig="worth-sub">{ lang.say(if p.taxed { "figures.worth.sub.taxed" } else { "figures.worth.sub" }) }</span>
                </div>
            </div>
            if p.brief {
                <dl class="stats">{ compute_share.clone() }</dl>
                <details class="more">
                    <summary>{ lang.say("figures.more") }</summary>
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
