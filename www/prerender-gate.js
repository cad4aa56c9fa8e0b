// The standalone page's prerendered calculator (scripts/prerender.mjs) shows
// the default scenario, worded for en-US. For any other reader it would show
// the wrong figures, or the right ones in the wrong language, until the app
// replaces it: this marks the page before its first paint so that page.css
// keeps the copy out of sight (blocking, so it has run before anything is
// drawn; a few hundred bytes, fetched beside page.css). Keep the test in step
// with what web::page reads: a scenario in the query, the language from
// navigator.language on the standalone page.
if (location.search.length > 1 || !/^en(-US)?$/i.test(navigator.language || '')) {
  document.documentElement.setAttribute('data-tw-prerender', 'stale');
}
