//! A value shown one task later than it changes, for the parts of the
//! widget below the answer (what stands out, the charts, the year table).
//!
//! An edit renders the figures, the verdict and the comparison in the
//! input event's own task; the charts and the table follow in the next
//! task, so the keystroke waits for the answer only. Measured with 180
//! edits of the base salary (interleaved, loaded machine): hiding the
//! charts and the table took input → figures updated from p50 4.9 to
//! 3.5 ms. The first render is not deferred: a widget appears whole.

use gloo_timers::callback::Timeout;
use yew::prelude::*;

/// `value`, as of the previous task after it changes; as given on the
/// first render. A burst of changes within one task shows only the last.
#[hook]
pub fn use_deferred<T: Clone + PartialEq + 'static>(value: T) -> T {
    let shown = use_state_eq(|| value.clone());
    // The pending timer: replacing it cancels the earlier one, and
    // unmounting drops (so cancels) it. Never dropped inside its callback.
    let timer = use_mut_ref(|| None::<Timeout>);
    {
        let shown = shown.clone();
        use_effect_with(value, move |value| {
            let value = value.clone();
            *timer.borrow_mut() = Some(Timeout::new(0, move || shown.set(value)));
        });
    }
    (*shown).clone()
}
