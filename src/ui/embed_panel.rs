//! The Embed panel: the HTML snippet that puts this scenario on another
//! page (text from `crate::publish::snippet`), and a button to copy it.

use yew::prelude::*;

use crate::model::Scenario;
use crate::publish::{snippet, SnippetOptions};
use crate::ui::config::WidgetConfig;
use crate::web::{embed, url};

#[derive(Properties, PartialEq)]
pub struct EmbedPanelProps {
    pub scenario: Scenario,
    pub config: WidgetConfig,
}

#[derive(Clone, PartialEq)]
enum Copy {
    Idle,
    Done,
    Failed,
}

/// The snippet for this widget's scenario and look, loading the released,
/// versioned embed.js from where this page got it, with the integrity hash
/// this page loaded it with (none if it had none).
pub fn snippet_for(scenario: &Scenario, config: &WidgetConfig) -> String {
    let base = embed::base_url().unwrap_or_default();
    let integrity = embed::loader_integrity().unwrap_or_default();
    let mut config = config.clone();
    // The default link (the page beside embed.js) need not be written.
    if config.link.as_deref() == Some(base.as_str()) {
        config.link = None;
    }
    snippet(
        scenario,
        &SnippetOptions::released(&base, &integrity, config),
    )
}

#[function_component(EmbedPanel)]
pub fn embed_panel(p: &EmbedPanelProps) -> Html {
    let status = use_state(|| Copy::Idle);
    let text = use_memo((p.scenario.clone(), p.config.clone()), |(s, c)| {
        snippet_for(s, c)
    });
    {
        let status = status.clone();
        use_effect_with(text.clone(), move |_| status.set(Copy::Idle));
    }
    let onclick = {
        let status = status.clone();
        let text = text.clone();
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            let text = text.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match url::copy_text(&text).await {
                    Ok(()) => status.set(Copy::Done),
                    Err(_) => status.set(Copy::Failed),
                }
            });
        })
    };
    // Exactly what is checked: the loader by the snippet's hash (when this
    // page had one to repeat), the app's script and WebAssembly by the hashes
    // inside the loader (always).
    let pinned = embed::loader_integrity().is_some_and(|i| !i.is_empty());
    let hint = if pinned {
        "Paste this where the calculator should appear on your page. The browser checks this release's loader (embed.js) against the snippet's integrity hash; the loader checks the calculator's script and WebAssembly against hashes written into it, and runs nothing that does not match."
    } else {
        "Paste this where the calculator should appear on your page. This page loaded embed.js without an integrity hash, so the snippet has none for the loader; the loader still checks the calculator's script and WebAssembly against hashes written into it, and runs nothing that does not match."
    };
    let id = format!(
        "{}-embed",
        if p.config.id.is_empty() {
            "tw"
        } else {
            &p.config.id
        }
    );
    html! {
        <details class="embed-panel">
            <summary>{ "Embed" }</summary>
            <p class="hint">{ hint }</p>
            <label for={id.clone()} class="visually-hidden">{ "Embed code" }</label>
            <textarea id={id} readonly=true rows="6" spellcheck="false" value={(*text).clone()} />
            <div class="embed-actions">
                <button type="button" class="secondary" {onclick}>{ "Copy embed code" }</button>
                <p class="copy-status" role="status">
                    { match &*status {
                        Copy::Idle => Html::default(),
                        Copy::Done => html! { { "Embed code copied." } },
                        Copy::Failed => html! { { "Could not copy; select the code above." } },
                    } }
                </p>
            </div>
        </details>
    }
}
