//! Mounting a widget: an open shadow root on the host element, the widget's
//! stylesheet adopted into it (a constructable stylesheet, so a strict
//! `style-src 'self'` allows it), and the yew app rendered inside.

use js_sys::{Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CustomEvent, CustomEventInit, Element, HtmlElement};
use yew::AppHandle;

use super::{dom, page};
use crate::codec::Parsed;
use crate::colour;
use crate::publish::{self, WidgetConfig};
use crate::ui::app::{App, AppProps, Change};
use crate::ui::host::Host;

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
    let shadow = dom::shadow_root(host, crate::ui::STYLE)?;
    // A previous widget on this host leaves nothing behind (no HTML-string
    // sink: a page enforcing Trusted Types refuses those).
    shadow.replace_children_with_node_0();
    let document = host
        .owner_document()
        .ok_or_else(|| JsValue::from_str("host has no document"))?;
    let root = document.create_element("div")?;
    root.set_class_name("tw-root");
    shadow.append_child(&root)?;

    if let (Some(accent), Some(el)) = (&config.accent, host.dyn_ref::<HtmlElement>()) {
        set_accent(el, accent)?;
    }

    if config.standalone {
        // The URL is written when the reader pauses (page::replace_query_when_idle),
        // or at once when they leave a field.
        let leave = Closure::<dyn FnMut()>::new(page::write_url_now);
        root.add_event_listener_with_callback("focusout", leave.as_ref().unchecked_ref())?;
        // One per standalone page, for the page's lifetime: the root can
        // outlive a dropped handle, so the handle cannot own the closure.
        leave.forget();
    }

    let own_page = config.standalone || host.has_attribute("data-frame");
    let locale = page::locale_of(host, config.locale.as_deref(), own_page);
    let target = host.clone();
    // The standalone page's URL keeps the link's lock and the "% of base"
    // view (publish::standalone_query).
    let standalone = config.standalone.then(|| config.clone());
    let on_change = yew::Callback::from(move |change: Change| {
        if let Some(config) = &standalone {
            page::replace_query_when_idle(publish::standalone_query(
                &change.query,
                config,
                change.tokens_as_percent,
            ));
        }
        if let Err(e) = dispatch_change(&target, &change) {
            web_sys::console::warn_2(
                &"tokenworth: could not dispatch tokenworth:change".into(),
                &e,
            );
        }
    });
    let host_facts = Host {
        lang: page::reader_lang(&locale, config.lang),
        ..page::host(locale)
    };
    let props = AppProps {
        parsed,
        config,
        host: host_facts,
        on_change: Some(on_change),
    };
    let app = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    // The standalone page's prerendered copy (scripts/prerender.mjs) is gone
    // now; page.css stops hiding the host from readers it was wrong for.
    // Same task as the render: no frame shows the host empty.
    host.remove_attribute("data-prerendered")?;
    Ok(WidgetHandle { app, root })
}

/// The accent's colours for both themes, adjusted for text contrast
/// (`crate::colour`), as the custom properties style.css reads. CSSOM, not a
/// style attribute string: allowed under a strict style-src. An accent
/// `publish` accepted always parses; if one did not, the theme's own accent stays.
fn set_accent(host: &HtmlElement, accent: &str) -> Result<(), JsValue> {
    let Ok(palette) = colour::accent_palette(accent) else {
        return Ok(());
    };
    let style = host.style();
    for (property, value) in [
        ("--tw-accent", palette.light.fill),
        ("--tw-accent-fg", palette.light.on_fill),
        ("--tw-accent-text", palette.light.text),
        ("--tw-accent-dark", palette.dark.fill),
        ("--tw-accent-fg-dark", palette.dark.on_fill),
        ("--tw-accent-text-dark", palette.dark.text),
    ] {
        style.set_property(property, &colour::hex(value))?;
    }
    Ok(())
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
