//! The calculator: one form state (last valid scenario, typed texts, errors),
//! inputs on one side and results on the other.

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::codec::Parsed;
use crate::model::{FieldId, FullKey, Side};
use crate::publish::{standalone_query, Section, Theme, WidgetConfig};
use crate::ui::deferred::use_deferred;
use crate::ui::embed_panel::EmbedPanel;
use crate::ui::form::Form;
use crate::ui::format;
use crate::ui::host::Host;
use crate::ui::inputs::essentials::{Essentials, UP_FRONT};
use crate::ui::inputs::field::LockNote;
use crate::ui::inputs::{equity::Equity, pay::Pay, tokens::Tokens, you::You, Ctx, FieldCallbacks};
use crate::ui::results::{
    charts::Charts, compare::Compare, figures::Figures, flags::Flags, share::Share,
    table::YearTable, takeaway::TakeAway, verdict::Verdict,
};
use crate::ui::{offer_label, shown, words};

/// What the reader did.
pub enum Action {
    Edit(FullKey, String),
    EditPct(Side, String),
    Blur(FullKey),
    BlurPct(Side),
    PctMode(Side, bool),
    AddOfferB,
    RemoveOfferB,
    DismissNotices,
    /// Back to the link's or the publisher's starting scenario.
    Reset,
}

/// The form as a yew reducer.
#[derive(Debug, Clone, PartialEq)]
pub struct FormState {
    pub form: Form,
}

impl Reducible for FormState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut form = self.form.clone();
        match action {
            Action::Edit(key, text) => {
                form.edit(key, &text);
            }
            Action::EditPct(side, text) => {
                form.edit_pct(side, &text);
            }
            Action::Blur(key) => form.blur(key),
            Action::BlurPct(side) => form.blur_pct(side),
            Action::PctMode(side, on) => form.set_pct_mode(side, on),
            Action::AddOfferB => form.add_offer_b(),
            Action::RemoveOfferB => form.remove_offer_b(),
            Action::DismissNotices => form.dismiss_notices(),
            Action::Reset => form.reset(),
        }
        if form == self.form {
            self
        } else {
            Rc::new(FormState { form })
        }
    }
}

/// A valid edit: the scenario's query and offer A's exact totals.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub query: String,
    pub headline: Decimal,
    pub worth: Decimal,
    /// Offer A's token budget is shown as a percent of base (a view, not
    /// the scenario: the standalone page keeps it in its URL).
    pub tokens_as_percent: bool,
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub parsed: Parsed,
    #[prop_or_default]
    pub config: WidgetConfig,
    /// The page the widget is on, shared with every component as a context.
    #[prop_or_default]
    pub host: Host,
    /// Called after every edit that changed the scenario (not on load).
    #[prop_or_default]
    pub on_change: Option<Callback<Change>>,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = use_reducer(|| {
        let style = format::number_style(&props.host.locale);
        let mut form = Form::new(&props.parsed).with_style(style);
        if props.config.tokens_as_percent {
            form.set_pct_mode(Side::A, true);
            form.set_pct_mode(Side::B, true);
        }
        FormState { form }
    });
    let config = use_memo(props.config.clone(), |c| c.clone());
    let callbacks = {
        let dispatcher = state.dispatcher();
        use_memo((), move |()| FieldCallbacks::new(dispatcher))
    };
    let side = use_state(|| Side::A);
    let form = &state.form;
    let query = form.query();
    use_change_reports(form, &query, props.on_change.clone());

    let side_now = if form.scenario.b.is_some() {
        *side
    } else {
        Side::A
    };
    let uid: AttrValue = if config.id.is_empty() {
        AttrValue::Static("tw")
    } else {
        AttrValue::from(config.id.clone())
    };
    // Embeds (an article, a job board, the iframe page) lead with the
    // answer; the standalone page keeps the form beside the results.
    let article = !config.standalone;
    let lang = props.host.lang;
    let ctx = Ctx {
        lang,
        state: state.clone(),
        config: config.clone(),
        side: side_now,
        uid: uid.clone(),
        up_front: if article && !config.compact {
            UP_FRONT
        } else {
            &[]
        },
        callbacks: (*callbacks).clone(),
    };

    let query = AttrValue::from(query);
    let theme = match config.theme {
        Theme::Light => "theme-light",
        Theme::Dark => "theme-dark",
        Theme::Auto => "theme-auto",
    };
    let classes = classes!(
        "tw",
        theme,
        config.compact.then_some("compact"),
        article.then_some("article")
    );
    let label = form
        .scenario
        .b
        .is_some()
        .then(|| ctx.text_field(FieldId::Label));
    let groups = html! {
        <>
            <Pay />
            <Equity />
            <Tokens />
            <You />
        </>
    };
    let no_submit = Callback::from(|e: SubmitEvent| e.prevent_default());
    let body = if article {
        let fold = if config.compact {
            lang.say("app.fold.compact")
        } else {
            lang.say("app.fold")
        };
        html! {
            <>
                <Answer compare=false />
                if !config.compact {
                    <form class="inputs up-front" aria-label={lang.say("app.offer_details")} novalidate=true onsubmit={no_submit.clone()}>
                        <OfferSwitch side={side.clone()} />
                        <Essentials />
                    </form>
                }
                <ShareBar query={query.clone()} />
                <details class="inputs-fold">
                    <summary>{ fold }</summary>
                    <form class="inputs" aria-label={lang.say("app.all_settings")} novalidate=true onsubmit={no_submit}>
                        if config.compact {
                            <OfferSwitch side={side.clone()} />
                        }
                        { label.unwrap_or_default() }
                        { groups }
                    </form>
                    <section class="results" aria-label={lang.say("app.details")}>
                        <CompareTable />
                        <Explore />
                    </section>
                </details>
                <Peek />
            </>
        }
    } else {
        html! {
            <div class="layout">
                <form class="inputs" aria-label={lang.say("app.offer_details")} novalidate=true onsubmit={no_submit}>
                    <OfferSwitch side={side.clone()} />
                    { label.unwrap_or_default() }
                    { groups }
                    <Peek />
                </form>
                <section class="results" aria-label={lang.say("app.results")}>
                    <Answer compare=true />
                    <Explore />
                    <ShareBar query={query.clone()} />
                    if !config.hides(Section::Embed) {
                        <EmbedPanel scenario={form.scenario.clone()} config={(*config).clone()} />
                    }
                </section>
            </div>
        }
    };
    html! {
        <ContextProvider<Host> context={props.host.clone()}>
        <ContextProvider<LockNote> context={LockNote::for_page(config.standalone)}>
            <ContextProvider<Ctx> context={ctx}>
                // Screen readers speak the widget in its own language, whatever the page's.
                <div class={classes} lang={lang.code()}>
                    <Notices />
                    { body }
                </div>
            </ContextProvider<Ctx>>
        </ContextProvider<LockNote>>
        </ContextProvider<Host>>
    }
}

/// Tells the host about every valid edit (not the first render): the
/// scenario's query and offer A's exact totals. `web` writes the page URL
/// and the `tokenworth:change` event from it.
#[hook]
fn use_change_reports(form: &Form, query: &str, on_change: Option<Callback<Change>>) {
    let first = use_mut_ref(|| true);
    let offer_a = form
        .projection
        .as_ref()
        .ok()
        .and_then(|p| p.offers.first())
        .map(|a| (a.headline_total, a.worth_total));
    let percent = form.pct_mode(Side::A);
    use_effect_with((query.to_string(), percent), move |(query, percent)| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        if let (Some(cb), Some((headline, worth))) = (on_change, offer_a) {
            cb.emit(Change {
                query: query.clone(),
                headline,
                worth,
                tokens_as_percent: *percent,
            });
        }
    });
}

/// What the link or the attributes had that could not be applied. On the
/// standalone page the link is the reader's (a recruiter's link): each
/// problem is listed. In an embed the attributes are the publisher's: the
/// reader sees one discreet line, and `web` has put the detail in the
/// console for the publisher.
#[function_component(Notices)]
fn notices() -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let notices = &ctx.state.form.notices;
    if notices.is_empty() {
        return Html::default();
    }
    if !ctx.config.standalone {
        return html! {
            <p class="notice-line" role="status">
                { ctx.lang.say("notice.publisher") }
            </p>
        };
    }
    let dismiss = {
        let state = ctx.state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::DismissNotices))
    };
    html! {
        <div class="notice" role="status">
            <p><strong>{ ctx.lang.say("notice.link") }</strong>{ " " }{ ctx.lang.say("notice.link.rest") }</p>
            <ul>{ for notices.iter().map(|n| html! { <li>{ words::notice(ctx.lang, n) }</li> }) }</ul>
            <button type="button" class="link" onclick={dismiss}>{ ctx.lang.say("notice.dismiss") }</button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct OfferSwitchProps {
    /// The offer being edited (the app's state: the results do not care).
    side: UseStateHandle<Side>,
}

/// Which offer the form edits; add or remove offer B.
#[function_component(OfferSwitch)]
fn offer_switch(p: &OfferSwitchProps) -> Html {
    let ctx = use_context::<Ctx>();
    // Where focus goes after the button that had it is gone: to Offer B's
    // tab after adding it (not onto "Remove", where a second Enter would
    // delete it again), to Undo after removing it.
    let offer_b_tab = use_node_ref();
    let undo_button = use_node_ref();
    let focus_next = use_mut_ref(|| None::<NodeRef>);
    {
        let focus_next = focus_next.clone();
        use_effect(move || {
            if let Some(target) = focus_next.borrow_mut().take() {
                if let Some(el) = target.cast::<web_sys::HtmlElement>() {
                    // A failed focus leaves focus where the browser put it.
                    let _ = el.focus();
                }
            }
        });
    }
    let Some(ctx) = ctx else {
        return Html::default();
    };
    let state = &ctx.state;
    let pick = |s: Side| {
        let side = p.side.clone();
        Callback::from(move |_: MouseEvent| side.set(s))
    };
    let add = {
        let state = state.clone();
        let side = p.side.clone();
        let focus_next = focus_next.clone();
        let target = offer_b_tab.clone();
        Callback::from(move |_: MouseEvent| {
            *focus_next.borrow_mut() = Some(target.clone());
            state.dispatch(Action::AddOfferB);
            side.set(Side::B);
        })
    };
    let remove = {
        let state = state.clone();
        let side = p.side.clone();
        let focus_next = focus_next.clone();
        let target = undo_button.clone();
        Callback::from(move |_: MouseEvent| {
            *focus_next.borrow_mut() = Some(target.clone());
            state.dispatch(Action::RemoveOfferB);
            side.set(Side::A);
        })
    };
    let form = &state.form;
    let scenario = &form.scenario;
    html! {
        <div class="offer-bar">
            if let Some(b) = &scenario.b {
                <div class="toggle offers" role="group" aria-label={ctx.lang.say("offers.switch")}>
                    <button type="button" aria-pressed={(ctx.side == Side::A).to_string()} onclick={pick(Side::A)}>{ offer_label(ctx.lang, Side::A, &scenario.a.label) }</button>
                    <button type="button" ref={offer_b_tab} aria-pressed={(ctx.side == Side::B).to_string()} onclick={pick(Side::B)}>{ offer_label(ctx.lang, Side::B, &b.label) }</button>
                </div>
                <button type="button" class="link" onclick={remove}>{ ctx.lang.say("offers.remove") }</button>
            } else if let Some(label) = form.removed_b() {
                // Adding an offer brings the removed one back: say so.
                <p class="undo" role="status">
                    { ctx.lang.fill("offers.removed", &[("offer", &offer_label(ctx.lang, Side::B, label))]) }{ " " }
                    <button type="button" class="link" ref={undo_button} onclick={add}>{ ctx.lang.say("offers.undo") }</button>
                </p>
            } else if !ctx.hidden(Section::Compare) {
                <button type="button" class="secondary" onclick={add}>{ ctx.lang.say("offers.add") }</button>
            }
        </div>
    }
}

/// A strip that follows the reader down the form (sticky at the bottom of
/// the widget) and keeps both figures in sight while any field is edited,
/// marked when they are the last valid ones. It repeats what the results
/// say, so assistive technology skips it.
#[function_component(Peek)]
fn peek() -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let form = &ctx.state.form;
    let Ok(p) = &form.projection else {
        return Html::default();
    };
    let p = &shown(p, ctx.lang);
    let two = p.offers.len() > 1;
    let cur = &form.scenario.cur;
    let loc = format::use_locale();
    let stale = form.stale();
    html! {
        <div class={classes!("peek", stale.then_some("stale"))} aria-hidden="true">
            if stale { <span class="peek-stale">{ ctx.lang.say("peek.stale") }</span> }
            { for p.offers.iter().filter_map(|o| o.first_year().map(|y| html! {
                <span class="peek-offer">
                    if two { <span class="peek-name">{ &o.label }</span> }
                    <span>{ ctx.lang.say("peek.headline") }{ " " }<strong>{ format::money(y.headline, cur, &loc) }</strong></span>
                    <span>{ ctx.lang.say("peek.worth") }{ " " }<strong>{ format::money(y.worth, cur, &loc) }</strong></span>
                </span>
            })) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct AnswerProps {
    /// The comparison table sits in the answer (standalone) or one click
    /// away (article).
    compare: bool,
}

/// The answer: both figures and what the budget amounts to, and the
/// verdict, of the last valid scenario, marked stale while a field is in error.
#[function_component(Answer)]
fn answer(p: &AnswerProps) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let form = &ctx.state.form;
    let projection = match &form.projection {
        Ok(projection) => shown(projection, ctx.lang),
        Err(e) => return html! { <section class="answer" role="alert">{ e.clone() }</section> },
    };
    let cur = AttrValue::from(form.scenario.cur.clone());
    let years = form.scenario.years;
    let stale = form.stale();
    let stale_id = format!("{}-stale", ctx.uid);
    html! {
        <section class={classes!("answer", stale.then_some("stale"))} aria-label={ctx.lang.say("app.results")}
            aria-describedby={stale.then(|| stale_id.clone())}>
            if stale {
                <p class="stale-note" id={stale_id.clone()}>
                    { ctx.lang.say("answer.stale") }
                </p>
            }
            <Figures projection={projection.clone()} cur={cur.clone()} years={years} brief={!p.compare}
                taxed={!form.scenario.tax.is_zero()} uid={ctx.uid.clone()} />
            if p.compare && projection.offers.len() > 1 {
                <Compare projection={projection.clone()} cur={cur.clone()} years={years} />
            }
            <Verdict projection={projection} cur={cur} years={years} />
        </section>
    }
}

/// The comparison table of two offers (nothing for one).
#[function_component(CompareTable)]
fn compare_table() -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let form = &ctx.state.form;
    match &form.projection {
        Ok(p) if p.offers.len() > 1 => html! {
            <div class={classes!("explore", form.stale().then_some("stale"))}>
                <Compare projection={shown(p, ctx.lang)} cur={AttrValue::from(form.scenario.cur.clone())} years={form.scenario.years} />
            </div>
        },
        _ => Html::default(),
    }
}

/// What stands out, the charts and the year-by-year table: one task after
/// the answer (`use_deferred`).
#[function_component(Explore)]
fn explore() -> Html {
    let ctx = use_context::<Ctx>();
    let now = ctx.as_ref().and_then(|ctx| {
        let form = &ctx.state.form;
        let projection = form.projection.as_ref().ok()?;
        Some((
            shown(projection, ctx.lang),
            AttrValue::from(form.scenario.cur.clone()),
            form.scenario.years,
            !form.scenario.tax.is_zero(),
        ))
    });
    let (Some(ctx), Some((projection, cur, years, taxed))) = (ctx, use_deferred(now)) else {
        return Html::default();
    };
    let form = &ctx.state.form;
    let projection = &projection;
    let config = &ctx.config;
    html! {
        <div class={classes!("explore", form.stale().then_some("stale"))}>
            <Flags projection={projection.clone()} />
            if !config.hides(Section::Charts) { <Charts projection={projection.clone()} cur={cur.clone()} years={years} taxed={taxed} /> }
            if !config.hides(Section::Table) { <YearTable projection={projection.clone()} cur={cur.clone()} /> }
            <TakeAway projection={projection.clone()} cur={cur} years={years} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ShareBarProps {
    /// The scenario's query (share links).
    query: AttrValue,
}

/// Copy a link; in an embed, open the full calculator.
#[function_component(ShareBar)]
fn share_bar(p: &ShareBarProps) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let config = &ctx.config;
    let form = &ctx.state.form;
    // The standalone page's link keeps its lock and the "% of base" view.
    let query = if config.standalone {
        AttrValue::from(standalone_query(&p.query, config, form.pct_mode(Side::A)))
    } else {
        p.query.clone()
    };
    let reset = {
        let state = ctx.state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Reset))
    };
    let what = if config.standalone {
        ctx.lang.say("reset.link")
    } else {
        ctx.lang.say("reset.start")
    };
    html! {
        <>
        if form.is_changed() {
            <button type="button" class="link reset" onclick={reset}>{ what }</button>
        }
        <Share query={query} standalone={config.standalone}
            link={config.link.clone().map(AttrValue::from)} link_scenario={config.link_scenario}
            hide_share={config.hides(Section::Share)} />
        </>
    }
}
