//! What a widget knows of the page it is a guest on. `web::mount` fills it in
//! (`web` is the only code that touches the page) and the app hands it to
//! every component as a yew context, so components never reach into the
//! page: the arrows point one way, `ui` ← `web`.

use yew::prelude::*;

use crate::lang::Lang;

/// The facts of the host page and the actions it offers.
#[derive(Clone, PartialEq)]
pub struct Host {
    /// The reader's locale, a BCP 47 tag (`de-DE`): how money, counts and
    /// percents are written and typed. Resolved by `web` from `data-locale`,
    /// the nearest `lang` and the browser's language; language may follow it.
    pub locale: AttrValue,
    /// The page's origin, `https://news.example` (empty when unknown).
    pub origin: AttrValue,
    /// The page's origin and path, without query or fragment: where a share
    /// link of the standalone page points.
    pub page: AttrValue,
    /// The folder the released files were loaded from, ending in `/`: the
    /// standalone page, `embed.html` and the versioned loader sit there.
    pub files: AttrValue,
    /// The `integrity` of the loader's own `<script>` (empty when it had
    /// none): the Embed panel offers the same hash.
    pub loader_integrity: AttrValue,
    /// Copies text to the clipboard, then calls back with whether it worked.
    pub copy: Callback<(String, Callback<bool>)>,
    /// Offers a file to the reader to save, made in the browser (no request).
    pub download: Callback<Download>,
    /// The reader's language: the widget's `lang` option, else the page's
    /// (`web` resolves it through `Lang::from_tag`).
    pub lang: Lang,
}

/// A file the reader may save: the CSV of the years, the result card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Download {
    /// The suggested file name, `tokenworth-years.csv`.
    pub name: String,
    /// Its media type, `text/csv;charset=utf-8`.
    pub mime: &'static str,
    pub text: String,
}

impl Default for Host {
    /// A host that knows nothing and can neither copy nor download (tests, a
    /// missing page).
    fn default() -> Host {
        Host {
            locale: AttrValue::Static(crate::ui::format::DEFAULT_LOCALE),
            origin: AttrValue::default(),
            page: AttrValue::default(),
            files: AttrValue::default(),
            loader_integrity: AttrValue::default(),
            copy: Callback::from(|(_, done): (String, Callback<bool>)| done.emit(false)),
            download: Callback::noop(),
            lang: Lang::En,
        }
    }
}

/// The reader's language, from the host context (English without one).
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Host>().map(|h| h.lang).unwrap_or_default()
}

/// What became of the last "Copy" click.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CopyStatus {
    Idle,
    Copied,
    /// Could not copy: the text is shown for the reader to select.
    Failed(String),
}

/// A copy action and its status for one button. The status goes back to
/// `Idle` whenever `subject` changes (what would be copied is new).
#[hook]
pub fn use_copy_status<T: PartialEq + 'static>(subject: T) -> (CopyStatus, Callback<String>) {
    let host = use_context::<Host>().unwrap_or_default();
    let status = use_state(|| CopyStatus::Idle);
    {
        let status = status.clone();
        use_effect_with(subject, move |_| status.set(CopyStatus::Idle));
    }
    let copy = {
        let status = status.clone();
        Callback::from(move |text: String| {
            let status = status.clone();
            let shown = text.clone();
            let done = Callback::from(move |ok: bool| {
                status.set(if ok {
                    CopyStatus::Copied
                } else {
                    CopyStatus::Failed(shown.clone())
                })
            });
            host.copy.emit((text, done));
        })
    };
    ((*status).clone(), copy)
}
