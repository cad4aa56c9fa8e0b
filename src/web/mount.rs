//! Mounting a widget: an open shadow root on the host element, the widget's
//! stylesheet adopted into it (a constructable stylesheet, so a strict
//! `style-src 'self'` allows it), and the yew app rendered inside.

use std::cell::RefCell;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    CssStyleSheet, CustomEvent, CustomEventInit, Element, HtmlElement, ShadowRootInit,
    ShadowRootMode,
};
use yew::AppHandle;

use crate::codec::Parsed;
use crate::ui::app::{App, AppProps, Change};
use crate::ui::config::WidgetConfig;

thread_local! {
    /// One stylesheet object shared by every widget on the page.
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

fn stylesheet() -> Result<CssStyleSheet, JsValue> {
    if let Some(sheet) = SHEET.with(|s| s.borrow().clone()) {
        return Ok(sheet);
    }
    let sheet = CssStyleSheet::new()?;
    sheet.replace_sync(crate::ui::STYLE)?;
    SHEET.with(|s| *s.borrow_mut() = Some(sheet.clone()));
    Ok(sheet)
}

/// A mounted widget. `destroy` unmounts it; dropping it leaves it running.
pub struct WidgetHandle {
    app: AppHandle<App>,
    root: Element,
}

impl WidgetHandle {
    /// Unmounts the app and removes its elements from the shadow root.
    pub fn destroy(self) {
        self.app.destroy();
        self.root.remove();
    }
}

/// Mounts the calculator on `host` with a parsed scenario and presentation options.
pub fn mount_widget(
    host: &Element,
    parsed: Parsed,
    config: WidgetConfig,
) -> Result<WidgetHandle, JsValue> {
    let shadow = match host.shadow_root() {
        Some(s) => s,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    Reflect::set(
        &shadow,
        &JsValue::from_str("adoptedStyleSheets"),
        &Array::of1(stylesheet()?.as_ref()),
    )?;
    // A previous widget on this host leaves nothing behind. Node by node, not
    // `innerHTML = ""`: an HTML-string sink, which Trusted Types blocks.
    while let Some(child) = shadow.first_child() {
        shadow.remove_child(&child)?;
    }
    let document = host
        .owner_document()
        .ok_or_else(|| JsValue::from_str("host has no document"))?;
    let root = document.create_element("div")?;
    root.set_class_name("tw-root");
    shadow.append_child(&root)?;

    if let (Some(accent), Some(el)) = (&config.accent, host.dyn_ref::<HtmlElement>()) {
        // CSSOM, not a style attribute string: allowed under a strict style-src.
        el.style().set_property("--tw-accent", accent)?;
    }

    let target = host.clone();
    let on_change = yew::Callback::from(move |change: Change| {
        if let Err(e) = dispatch_change(&target, &change) {
            web_sys::console::warn_2(
                &"tokenworth: could not dispatch tokenworth:change".into(),
                &e,
            );
        }
    });
    let props = AppProps {
        parsed,
        config,
        on_change: Some(on_change),
    };
    let app = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    Ok(WidgetHandle { app, root })
}

/// `tokenworth:change` on the host: bubbles, crosses shadow boundaries.
fn dispatch_change(host: &Element, change: &Change) -> Result<(), JsValue> {
    let detail = Object::new();
    Reflect::set(&detail, &"scenario".into(), &change.query.as_str().into())?;
    Reflect::set(
        &detail,
        &"headline".into(),
        &change.headline.to_string().into(),
    )?;
    Reflect::set(&detail, &"worth".into(), &change.worth.to_string().into())?;
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    let event = CustomEvent::new_with_event_init_dict("tokenworth:change", &init)?;
    host.dispatch_event(&event)?;
    Ok(())
}
