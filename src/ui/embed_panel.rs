//! The Embed panel: the HTML snippet that puts this scenario on another
//! page (text from `crate::publish::snippet`), and a button to copy it.

use yew::prelude::*;

use crate::model::Scenario;
use crate::publish::{snippet, SnippetOptions, WidgetConfig};
use crate::ui::host::{use_copy_status, CopyStatus, Host};

#[derive(Properties, PartialEq)]
pub struct EmbedPanelProps {
    pub scenario: Scenario,
    pub config: WidgetConfig,
}

/// The snippet for this widget's scenario and look, loading the released,
/// versioned embed.js from where this page got it, with the integrity hash
/// this page loaded it with (none if it had none).
fn snippet_for(scenario: &Scenario, config: &WidgetConfig, host: &Host) -> String {
    let mut config = config.clone();
    // The default link (the page beside embed.js) need not be written.
    if config.link.as_deref() == Some(host.files.as_str()) {
        config.link = None;
    }
    snippet(
        scenario,
        &SnippetOptions::released(&host.files, &host.loader_integrity, config),
    )
}

#[function_component(EmbedPanel)]
pub fn embed_panel(p: &EmbedPanelProps) -> Html {
    let host = use_context::<Host>().unwrap_or_default();
    let lang = host.lang;
    let text = use_memo(
        (p.scenario.clone(), p.config.clone(), host.clone()),
        |(s, c, h)| snippet_for(s, c, h),
    );
    let (status, copy) = use_copy_status(text.clone());
    let onclick = {
        let text = text.clone();
        Callback::from(move |_: MouseEvent| copy.emit((*text).clone()))
    };
    // Exactly what is checked: the loader by the snippet's hash (when this
    // page had one to repeat), the app's script and WebAssembly by the hashes
    // inside the loader (always).
    let pinned = !host.loader_integrity.is_empty();
    let hint = lang.say(if pinned {
        "embed.hint.pinned"
    } else {
        "embed.hint.unpinned"
    });
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
            <summary>{ lang.say("embed.title") }</summary>
            <p class="hint">{ hint }</p>
            <label for={id.clone()} class="visually-hidden">{ lang.say("embed.code") }</label>
            <textarea id={id} readonly=true rows="6" spellcheck="false" value={(*text).clone()} />
            <div class="embed-actions">
                <button type="button" class="secondary" {onclick}>{ lang.say("embed.copy") }</button>
                <p class="copy-status" role="status">
                    { match status {
                        CopyStatus::Idle => Html::default(),
                        CopyStatus::Copied => html! { { lang.say("embed.copied") } },
                        CopyStatus::Failed(_) => html! { { lang.say("embed.failed") } },
                    } }
                </p>
            </div>
        </details>
    }
}
