//! Browser tests of the calculator component: typed input to results, the
//! error display, the URL round trip and the change event.
//! Run: CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web_app
#![cfg(all(target_arch = "wasm32", feature = "app"))]
// Test code: a failed assertion or an unwrap that panics is the point here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::cell::RefCell;
use std::rc::Rc;
use std::str::FromStr;

use rust_decimal::Decimal;
use tokenworth::codec;
use tokenworth::publish::{Section, WidgetConfig};
use tokenworth::web::{mount, page};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement, InputEvent, InputEventInit, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

fn host() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host
}

fn shadow(host: &Element) -> ShadowRoot {
    host.shadow_root()
        .expect("mount attaches an open shadow root")
}

fn text(root: &ShadowRoot, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn input(root: &ShadowRoot, id: &str) -> HtmlInputElement {
    root.get_element_by_id(id)
        .unwrap_or_else(|| panic!("no #{id}"))
        .dyn_into()
        .unwrap()
}

/// Types `value` into a field the way a browser does: set it, fire `input`.
fn type_into(field: &HtmlInputElement, value: &str) {
    field.set_value(value);
    let init = InputEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    let event = InputEvent::new_with_event_init_dict("input", &init).unwrap();
    field.dispatch_event(&event).unwrap();
}

/// A focus event of `kind` on `field`, bubbling out of the shadow root as
/// the browser's `focusout` does (a synthetic `blur` too, which the fields'
/// `onblur` handlers see).
fn focus_event(field: &HtmlInputElement, kind: &str) {
    let init = web_sys::FocusEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    let event = web_sys::FocusEvent::new_with_focus_event_init_dict(kind, &init).unwrap();
    field.dispatch_event(&event).unwrap();
}

fn blur(field: &HtmlInputElement) {
    focus_event(field, "blur");
}

/// The standalone page writes its URL when the reader pauses, or at once
/// when they leave the field (web::page, `write_url_now`): `focusout`, as
/// Tab or a click elsewhere sends it.
fn leave(field: &HtmlInputElement) {
    focus_event(field, "focusout");
}

fn config() -> WidgetConfig {
    WidgetConfig {
        id: "t".to_string(),
        ..WidgetConfig::default()
    }
}

#[wasm_bindgen_test]
async fn typed_money_updates_the_figures() {
    let host = host();
    let handle =
        mount::mount_widget(&host, codec::parse("base=375000&tokens=100000"), config()).unwrap();
    yew::scheduler::flush().await;
    let root = shadow(&host);
    // MODEL.md: 375,000 + 100,000 = 475,000 in year 1; 100,000 / 475,000 = 21.05 %.
    assert_eq!(
        text(&root, "[data-offer=a] [data-fig=headline]"),
        "$475,000"
    );
    assert_eq!(text(&root, "[data-offer=a] [data-fig=worth]"), "$375,000");
    assert_eq!(
        text(&root, "[data-offer=a] [data-fig=compute-share]"),
        "21.1%"
    );
    assert_eq!(
        text(&root, "[data-offer=a] [data-fig=compute-to-base]"),
        "26.7%"
    );

    // MODEL.md: base 500,000 and tokens 250,000 -> 750,000; 50 %; 33.3 %.
    let base = input(&root, "t-base");
    type_into(&base, "500k");
    type_into(&input(&root, "t-tokens"), "250k");
    yew::scheduler::flush().await;
    assert_eq!(
        text(&root, "[data-offer=a] [data-fig=headline]"),
        "$750,000"
    );
    assert_eq!(
        text(&root, "[data-offer=a] [data-fig=compute-to-base]"),
        "50%"
    );
    assert_eq!(
        text(&root, "[data-offer=a] [data-fig=compute-share]"),
        "33.3%"
    );
    // What the reader typed stays while editing, and reads formatted after.
    assert_eq!(base.value(), "500k");
    blur(&base);
    yew::scheduler::flush().await;
    assert_eq!(input(&root, "t-base").value(), "500,000");
    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn a_bad_value_is_kept_and_explained_and_results_go_stale() {
    let host = host();
    let handle = mount::mount_widget(&host, codec::parse(""), config()).unwrap();
    yew::scheduler::flush().await;
    let root = shadow(&host);
    let base = input(&root, "t-base");
    type_into(&base, "12abc");
    yew::scheduler::flush().await;
    let base = input(&root, "t-base");
    assert_eq!(base.value(), "12abc");
    assert_eq!(base.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = base.get_attribute("aria-describedby").unwrap();
    let err = root
        .get_element_by_id(described.split(' ').next().unwrap())
        .unwrap();
    assert_eq!(err.get_attribute("role").as_deref(), Some("alert"));
    let msg = err.text_content().unwrap();
    assert!(msg.contains("Base salary"), "{msg}");
    assert!(msg.contains("\"12abc\""), "{msg}");
    assert!(msg.contains("0 to 1,000,000,000"), "{msg}");
    // The last valid scenario (the defaults: 375,000 + 100,000) stays, marked stale.
    assert_eq!(
        text(&root, "[data-offer=a] [data-fig=headline]"),
        "$475,000"
    );
    assert!(root.query_selector(".answer.stale").unwrap().is_some());
    // Other fields still work and leave the bad text alone.
    type_into(&input(&root, "t-tokens"), "50k");
    yew::scheduler::flush().await;
    assert_eq!(
        text(&root, "[data-offer=a] [data-fig=headline]"),
        "$425,000"
    );
    assert_eq!(input(&root, "t-base").value(), "12abc");
    // Fixing it clears the error and the stale mark.
    type_into(&input(&root, "t-base"), "400k");
    yew::scheduler::flush().await;
    assert_eq!(
        input(&root, "t-base")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("false")
    );
    assert!(root.query_selector(".answer.stale").unwrap().is_none());
    assert_eq!(
        text(&root, "[data-offer=a] [data-fig=headline]"),
        "$450,000"
    );
    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn the_url_is_read_on_load_and_kept_in_step() {
    let window = web_sys::window().unwrap();
    let history = window.history().unwrap();
    let original = window.location().href().unwrap();
    history
        .replace_state_with_url(&JsValue::NULL, "", Some("?base=400k&tokens=50k&nonsense=1"))
        .unwrap();

    let host = host();
    let parsed = codec::parse(&page::read_query());
    let cfg = WidgetConfig {
        standalone: true,
        ..config()
    };
    let handle = mount::mount_widget(&host, parsed, cfg).unwrap();
    yew::scheduler::flush().await;
    let root = shadow(&host);
    assert_eq!(
        text(&root, "[data-offer=a] [data-fig=headline]"),
        "$450,000"
    );
    let notice = text(&root, ".notice");
    assert!(notice.contains("nonsense"), "{notice}");

    type_into(&input(&root, "t-tokens"), "100000");
    yew::scheduler::flush().await;
    leave(&input(&root, "t-tokens"));
    // Only keys away from their defaults are written.
    assert_eq!(window.location().search().unwrap(), "?base=400k");
    type_into(&input(&root, "t-base"), "375k");
    yew::scheduler::flush().await;
    leave(&input(&root, "t-base"));
    assert_eq!(window.location().search().unwrap(), "");
    // A bad value leaves the URL at the last valid scenario.
    type_into(&input(&root, "t-tax"), "120");
    yew::scheduler::flush().await;
    leave(&input(&root, "t-tax"));
    assert_eq!(window.location().search().unwrap(), "");

    handle.destroy();
    host.remove();
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(&original))
        .unwrap();
}

#[wasm_bindgen_test]
async fn every_valid_edit_dispatches_tokenworth_change_with_exact_figures() {
    let host = host();
    let seen: Rc<RefCell<Vec<(String, String, String)>>> = Rc::default();
    let listener = {
        let seen = seen.clone();
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
            let d = e.detail();
            let get = |k: &str| {
                js_sys::Reflect::get(&d, &k.into())
                    .unwrap()
                    .as_string()
                    .unwrap_or_default()
            };
            seen.borrow_mut()
                .push((get("scenario"), get("headline"), get("worth")));
        })
    };
    host.add_event_listener_with_callback("tokenworth:change", listener.as_ref().unchecked_ref())
        .unwrap();
    let handle = mount::mount_widget(&host, codec::parse(""), config()).unwrap();
    yew::scheduler::flush().await;
    let root = shadow(&host);
    type_into(&input(&root, "t-raise"), "0");
    yew::scheduler::flush().await;
    type_into(&input(&root, "t-raise"), "x");
    yew::scheduler::flush().await;
    let seen = seen.borrow();
    assert_eq!(seen.len(), 1, "one valid edit, one event: {seen:?}");
    let (query, headline, worth) = &seen[0];
    assert_eq!(query, "raise=0");
    // No raise, 4 years: (375,000 + 100,000) x 4 on paper, 375,000 x 4 kept.
    assert_eq!(
        Decimal::from_str(headline).unwrap(),
        Decimal::from(1_900_000)
    );
    assert_eq!(Decimal::from_str(worth).unwrap(), Decimal::from(1_500_000));
    drop(seen);
    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn publisher_options_lock_hide_link_accent_and_theme_are_respected() {
    let host = host();
    let cfg = WidgetConfig {
        lock: vec!["base".to_string()],
        hide: vec![Section::Charts, Section::Equity],
        link: Some("https://example.org/tokenworth/".to_string()),
        accent: Some("#0a7".to_string()),
        theme: tokenworth::publish::Theme::Dark,
        ..config()
    };
    let handle = mount::mount_widget(&host, codec::parse("base=400k"), cfg).unwrap();
    yew::scheduler::flush().await;
    let root = shadow(&host);
    let base = input(&root, "t-base");
    assert!(base.read_only());
    assert_eq!(base.value(), "400,000");
    let hint = root
        .get_element_by_id(&base.get_attribute("aria-describedby").unwrap())
        .unwrap();
    assert_eq!(hint.text_content().unwrap(), "Set by the publisher.");
    assert!(root.query_selector(".charts").unwrap().is_none());
    assert!(root.query_selector("[id^=t-equity]").unwrap().is_none());
    assert!(root.query_selector(".tw.theme-dark").unwrap().is_some());
    let link = root.query_selector("a.full").unwrap().unwrap();
    assert_eq!(link.text_content().unwrap(), "Open the full calculator");
    // Another origin than the test page's and no data-link-scenario: the
    // reader's scenario does not go there (issue 10, point 5).
    assert_eq!(
        link.get_attribute("href").unwrap(),
        "https://example.org/tokenworth/"
    );
    let style = host.dyn_ref::<web_sys::HtmlElement>().unwrap().style();
    // The accent is set as the checked #rrggbb; #00aa77 (luminance 0.30)
    // has 1.05 / 0.35 = 3.0:1 with white text, so its text is black.
    assert_eq!(style.get_property_value("--tw-accent").unwrap(), "#00aa77");
    assert_eq!(
        style.get_property_value("--tw-accent-fg").unwrap(),
        "#000000"
    );
    handle.destroy();
    assert!(
        root.query_selector(".tw").unwrap().is_none(),
        "destroy unmounts"
    );
    host.remove();
}

fn click(root: &ShadowRoot, text: &str) {
    let buttons = root.query_selector_all("button").unwrap();
    for i in 0..buttons.length() {
        let b: web_sys::HtmlElement = buttons.item(i).unwrap().dyn_into().unwrap();
        if b.text_content().unwrap_or_default() == text {
            b.click();
            return;
        }
    }
    panic!("no button {text:?}");
}

#[wasm_bindgen_test]
async fn token_budget_as_percent_of_base_and_offer_b_from_a() {
    let host = host();
    let handle = mount::mount_widget(&host, codec::parse(""), config()).unwrap();
    yew::scheduler::flush().await;
    let root = shadow(&host);
    click(&root, "% of base");
    yew::scheduler::flush().await;
    // The field now reads the budget as a percent of base: 100,000 / 375,000.
    assert_eq!(input(&root, "t-tokens").value(), "26.7");
    type_into(&input(&root, "t-tokens"), "20");
    yew::scheduler::flush().await;
    // 375,000 + 20 % of it = 450,000.
    assert_eq!(
        text(&root, "[data-offer=a] [data-fig=headline]"),
        "$450,000"
    );
    type_into(&input(&root, "t-base"), "500k");
    yew::scheduler::flush().await;
    // The budget follows the base: 500,000 + 100,000.
    assert_eq!(
        text(&root, "[data-offer=a] [data-fig=headline]"),
        "$600,000"
    );

    click(&root, "Add an offer to compare");
    yew::scheduler::flush().await;
    assert_eq!(
        text(&root, "[data-offer=b] [data-fig=headline]"),
        "$600,000"
    );
    assert_eq!(text(&root, "[data-offer=b] .offer-name"), "Offer B");
    // Offer B's fields are the ones shown now; A is untouched by them.
    type_into(&input(&root, "t-b-label"), "Startup");
    type_into(&input(&root, "t-b-base"), "400k");
    yew::scheduler::flush().await;
    assert_eq!(text(&root, "[data-offer=b] .offer-name"), "Startup");
    // B: 400,000 + 20 % = 480,000; A stays at 600,000.
    assert_eq!(
        text(&root, "[data-offer=b] [data-fig=headline]"),
        "$480,000"
    );
    assert_eq!(
        text(&root, "[data-offer=a] [data-fig=headline]"),
        "$600,000"
    );
    handle.destroy();
    host.remove();
}
