//! The calculator: one form state (last valid scenario, typed texts, errors),
//! inputs on one side and results on the other.

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::codec::Parsed;
use crate::model::{FieldId, FullKey, Side};
use crate::ui::config::{Theme, WidgetConfig};
use crate::ui::form::Form;
use crate::ui::inputs::{equity::Equity, pay::Pay, tokens::Tokens, you::You, Ctx};
use crate::ui::results::{
    charts::Charts, compare::Compare, figures::Figures, flags::Flags, share::Share,
    table::YearTable, verdict::Verdict,
};

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
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub parsed: Parsed,
    #[prop_or_default]
    pub config: WidgetConfig,
    /// Called after every edit that changed the scenario.
    #[prop_or_default]
    pub on_change: Option<Callback<Change>>,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = use_reducer(|| FormState {
        form: Form::new(&props.parsed),
    });
    let config = use_memo(props.config.clone(), |c| c.clone());
    let side = use_state(|| Side::A);
    let form = &state.form;
    let query = form.query();

    // Keep the page URL and the host in step with every valid edit (not on load).
    {
        let first = use_mut_ref(|| true);
        let standalone = config.standalone;
        let on_change = props.on_change.clone();
        let offer_a = form
            .projection
            .as_ref()
            .ok()
            .and_then(|p| p.offers.first())
            .map(|a| (a.headline_total, a.worth_total));
        use_effect_with(query.clone(), move |query| {
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            if standalone {
                replace_query_after_paint(query.clone());
            }
            if let (Some(cb), Some((headline, worth))) = (on_change, offer_a) {
                cb.emit(Change {
                    query: query.clone(),
                    headline,
                    worth,
                });
            }
        });
    }

    let has_b = form.scenario.b.is_some();
    let side_now = if has_b { *side } else { Side::A };
    let uid: AttrValue = if config.id.is_empty() {
        AttrValue::Static("tw")
    } else {
        AttrValue::from(config.id.clone())
    };
    let ctx = Ctx {
        state: state.clone(),
        config: config.clone(),
        side: side_now,
        uid: uid.clone(),
    };
    let hidden = |s: &str| config.hide.iter().any(|h| h == s);
    let cur = AttrValue::from(form.scenario.cur.clone());
    let years = form.scenario.years;

    let notices = (!form.notices.is_empty()).then(|| {
        let dismiss = {
            let state = state.clone();
            Callback::from(move |_: MouseEvent| state.dispatch(Action::DismissNotices))
        };
        html! {
            <div class="notice" role="status">
                <p><strong>{ "Part of the link was ignored." }</strong>{ " The rest is applied:" }</p>
                <ul>{ for form.notices.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
                <button type="button" class="link" onclick={dismiss}>{ "Dismiss" }</button>
            </div>
        }
    });

    let offer_switch = {
        let pick = |s: Side| {
            let side = side.clone();
            Callback::from(move |_: MouseEvent| side.set(s))
        };
        let add = {
            let state = state.clone();
            let side = side.clone();
            Callback::from(move |_: MouseEvent| {
                state.dispatch(Action::AddOfferB);
                side.set(Side::B);
            })
        };
        let remove = {
            let state = state.clone();
            let side = side.clone();
            Callback::from(move |_: MouseEvent| {
                state.dispatch(Action::RemoveOfferB);
                side.set(Side::A);
            })
        };
        let label_a = form.scenario.a.label.clone();
        let label_b = form.scenario.b.as_ref().map(|b| b.label.clone());
        html! {
            <div class="offer-bar">
                if let Some(label_b) = label_b {
                    <div class="toggle offers" role="group" aria-label="Offer to edit">
                        <button type="button" aria-pressed={(side_now == Side::A).to_string()} onclick={pick(Side::A)}>{ label_a }</button>
                        <button type="button" aria-pressed={(side_now == Side::B).to_string()} onclick={pick(Side::B)}>{ label_b }</button>
                    </div>
                    <button type="button" class="link" onclick={remove}>{ "Remove Offer B" }</button>
                } else if !hidden("compare") {
                    <button type="button" class="secondary" onclick={add}>{ "Add an offer to compare" }</button>
                }
            </div>
        }
    };

    // On one column the results sit below the form: a strip that follows
    // the reader down the form keeps the two figures in sight. It repeats
    // what the results say, so assistive technology skips it.
    let peek = match &form.projection {
        Ok(p) => html! {
            <div class={classes!("peek", form.stale().then_some("stale"))} aria-hidden="true">
                { for p.offers.iter().filter_map(|o| o.first_year().map(|y| html! {
                    <span class="peek-offer">
                        if has_b { <span class="peek-name">{ &o.label }</span> }
                        <span>{ "On paper " }<strong>{ crate::ui::format::money(y.headline, &form.scenario.cur) }</strong></span>
                        <span>{ "Worth to you " }<strong>{ crate::ui::format::money(y.worth, &form.scenario.cur) }</strong></span>
                    </span>
                })) }
            </div>
        },
        Err(_) => Html::default(),
    };

    let inputs = html! {
        <ContextProvider<Ctx> context={ctx.clone()}>
            <form class="inputs" aria-label="Offer details" novalidate=true
                onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                { offer_switch }
                if has_b {
                    { ctx.text_field(FieldId::Label) }
                }
                <Pay />
                <Equity />
                <Tokens />
                <You />
                { peek }
            </form>
        </ContextProvider<Ctx>>
    };

    let stale = form.stale();
    let results = match &form.projection {
        Ok(p) => html! {
            <section class={classes!("results", stale.then_some("stale"))} aria-label="Results"
                aria-describedby={stale.then(|| format!("{uid}-stale"))}>
                if stale {
                    <p class="stale-note" id={format!("{uid}-stale")}>
                        { "Showing the last valid figures: fix the field marked in red to update them." }
                    </p>
                }
                <Figures projection={p.clone()} cur={cur.clone()} years={years} />
                if has_b { <Compare projection={p.clone()} cur={cur.clone()} years={years} /> }
                <Verdict projection={p.clone()} cur={cur.clone()} years={years} />
                <Flags projection={p.clone()} />
                if !hidden("charts") { <Charts projection={p.clone()} cur={cur.clone()} years={years} /> }
                if !hidden("table") { <YearTable projection={p.clone()} cur={cur.clone()} /> }
                <Share query={AttrValue::from(query.clone())} standalone={config.standalone}
                    link={config.link.clone().map(AttrValue::from)} hide_share={hidden("share")} />
                if !hidden("embed") {
                    <crate::ui::embed_panel::EmbedPanel scenario={form.scenario.clone()} config={(*config).clone()} />
                }
            </section>
        },
        Err(e) => html! { <section class="results" role="alert">{ e.clone() }</section> },
    };

    let theme = match config.theme {
        Theme::Light => "theme-light",
        Theme::Dark => "theme-dark",
        Theme::Auto => "theme-auto",
    };
    html! {
        <div class={classes!("tw", theme, config.compact.then_some("compact"))}>
            { notices.unwrap_or_default() }
            <div class="layout">
                if config.compact {
                    { results }
                    <details class="inputs-fold">
                        <summary>{ "Change the figures" }</summary>
                        { inputs }
                    </details>
                } else {
                    { inputs }
                    { results }
                }
            </div>
        </div>
    }
}

thread_local! {
    /// The latest query waiting for `replace_query_after_paint`.
    static PENDING_QUERY: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Puts `query` in the page URL after the next frame is painted.
///
/// `history.replaceState` costs several milliseconds in Chromium (7 ms an
/// edit in `make bench`): called from the effect it sat between the input
/// event and the updated figures. Deferred to a task posted from the next
/// animation frame, it runs after that frame's paint, and a burst of edits
/// within one frame writes the URL once, with the latest query.
fn replace_query_after_paint(query: String) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    fn write_pending() {
        if let Some(query) = PENDING_QUERY.with(|p| p.borrow_mut().take()) {
            if let Err(e) = crate::web::url::replace_query(&query) {
                web_sys::console::warn_2(&"tokenworth: could not update the URL".into(), &e);
            }
        }
    }

    if PENDING_QUERY.with(|p| p.borrow_mut().replace(query).is_some()) {
        return; // already scheduled: it will write the latest query
    }
    let Some(window) = web_sys::window() else {
        write_pending();
        return;
    };
    let after_frame = Closure::once_into_js(move || {
        let task = Closure::once_into_js(write_pending);
        let posted = web_sys::window()
            .map(|w| w.set_timeout_with_callback(task.unchecked_ref()).is_ok())
            .unwrap_or(false);
        if !posted {
            write_pending();
        }
    });
    if window
        .request_animation_frame(after_frame.unchecked_ref())
        .is_err()
    {
        write_pending();
    }
}
