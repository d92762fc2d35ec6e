// newschart: the element's stylesheet, in its shadow root. scripts/minify.mjs minifies the CSS
// below as CSS (its `${...}` parts kept) before the bundle is minified.

// The dark colours, under the selector `h`: the reader's dark colour scheme applies unless the
// page sets theme="light", and theme="dark" applies always.
const dark = (h) => `
  ${h} .nc { color: var(--nc-text, #ececec); }
  ${h} .nc-subtitle, ${h} .nc-notes, ${h} .nc-source, ${h} .nc-status { color: var(--nc-muted, #b8b8b8); }
  ${h} .nc-tooltip { background: var(--nc-tooltip-bg, #f2f2f2); color: var(--nc-tooltip-text, #111); }
  ${h} .nc-menu { background: var(--nc-menu-bg, #222); }
  ${h} .nc-tool, ${h} .nc-menu-item { border-color: var(--nc-control-border, #9a9a9a); }
  ${h} .nc-error { background: var(--nc-error-bg, #3b1412); color: var(--nc-error-text, #ffd9d6); border-color: var(--nc-error, #f2b8b5); }
  ${h} .nc-illustrative { color: var(--nc-illustrative-text, #ffd8b8); background: var(--nc-illustrative-bg, #3a2210); }
  ${h} canvas:focus-visible { outline-color: var(--nc-accent, #a8c7fa); }
  ${h} .nc-table thead th { background: var(--nc-background, #121212); }`;

const CSS = `
:host { display: block; position: relative; contain: content; box-sizing: border-box; }
/* The host's own line: the figure sits on it as one atomic box, so neither a text-decoration the
   page puts on (or around) the element nor its text-indent or line height reaches the chart. */
:host { font-size: 0 !important; line-height: 0 !important; text-indent: 0 !important; letter-spacing: 0 !important; word-spacing: 0 !important; }
:host([hidden]) { display: none; }
*, *::before, *::after { box-sizing: border-box; }
/* The page reaches the chart only through the element's box (margin, width): whatever else it
   would pass down by inheritance (font size, line height, letter spacing, text-indent, colour…)
   stops here. all: initial keeps custom properties, so --nc-* theming still comes through. The
   figure keeps the height reserved for it (min-height, set by _reserveHeight) and the plot takes
   the room the words around it leave. */
.nc { all: initial; display: inline-flex; position: relative; vertical-align: top; width: 100%; flex-direction: column; margin: 0; padding: 0; font-family: var(--nc-font, system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif); font-size: var(--nc-font-size, 16px); line-height: 1.5; text-spacing-trim: space-all; /* no trimmed CJK punctuation: lines break where the static image (render/element.rs) breaks them */ color: var(--nc-text, #1a1a1a); background: var(--nc-background, transparent); text-align: left; }
:host([theme="light"]) .nc { background: var(--nc-background, #ffffff); }
.nc-title { font-size: 1.05em; font-weight: 700; margin: 0 0 .15em; line-height: 1.4; }
.nc-subtitle { font-size: .9em; color: var(--nc-muted, #595959); margin: 0 0 .5em; }
.nc-title:empty, .nc-subtitle:empty { display: none; }
.nc-plot { position: relative; width: 100%; overflow: visible; flex: 1 0 auto; min-height: 0; }
:host([data-state="error"]) .nc-plot, :host([data-state="loading"]) .nc-plot, :host([data-state="loading"]) .nc-tools { display: none; }
canvas { display: block; width: 100%; max-width: none; height: 100%; touch-action: pan-y; border-radius: 2px; }
canvas:focus { outline: none; }
canvas:focus-visible { outline: 3px solid var(--nc-accent, #0b57d0); outline-offset: 2px; }
.nc-tooltip { position: absolute; z-index: 2; pointer-events: none; min-width: 6em; max-width: 16em; padding: .4em .6em; border-radius: 4px; background: var(--nc-tooltip-bg, #1a1a1a); color: var(--nc-tooltip-text, #fff); font-size: 13px; line-height: 1.45; box-shadow: 0 2px 8px rgba(0,0,0,.25); white-space: normal; }
.nc-tooltip[hidden] { display: none; }
.nc-tooltip .nc-tt-cat { font-weight: 700; }
.nc-tooltip .nc-tt-value { font-size: 15px; font-weight: 700; }
.nc-status { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; color: var(--nc-muted, #595959); font-size: .9em; background: var(--nc-placeholder, rgba(127,127,127,.06)); border-radius: 4px; }
.nc-status[hidden] { display: none; }
.nc-illustrative { display: inline-block; align-self: flex-start; margin: .4em 0 0; padding: .1em .5em; font-size: .8em; font-weight: 700; color: var(--nc-illustrative-text, #7a2e00); background: var(--nc-illustrative-bg, #fff1e0); border: 1px solid var(--nc-illustrative-border, #d55e00); border-radius: 3px; }
.nc-illustrative[hidden] { display: none; }
.nc-notes { margin: .4em 0 0; padding: 0; list-style: none; font-size: .8em; color: var(--nc-muted, #595959); }
.nc-source { margin: .3em 0 0; font-size: .8em; color: var(--nc-muted, #595959); }
.nc-source:empty { display: none; }
.nc-source a { color: inherit; }
.nc-error { margin: .5em 0; padding: .75em 1em; border: 2px solid var(--nc-error, #b3261e); border-radius: 4px; background: var(--nc-error-bg, #fdecea); color: var(--nc-error-text, #5f0f0a); font-size: .9em; }
.nc-error[hidden] { display: none; }
.nc-error strong { display: block; margin-bottom: .3em; }
.nc-error-src { margin: 0; font-size: .9em; overflow-wrap: anywhere; }
.nc-error ul { margin: .3em 0 0; padding-left: 1.2em; }
.nc-error code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .95em; overflow-wrap: anywhere; }
.nc-error button { margin-top: .5em; font: inherit; padding: .2em .8em; cursor: pointer; }
.nc-tabs { display: flex; flex-wrap: wrap; gap: .25em; margin: 0 0 .5em; }
.nc-tabs[hidden], .nc-legend[hidden], .nc-table[hidden], .nc-plot[hidden], .nc-stale[hidden] { display: none; }
.nc-tab { font: inherit; font-size: .85em; padding: .25em .7em; border: 1px solid var(--nc-grid-ui, #8a8a8a); border-radius: 999px; background: transparent; color: inherit; cursor: pointer; }
.nc-tab[aria-selected="true"] { background: var(--nc-accent, #0b57d0); border-color: var(--nc-accent, #0b57d0); color: #fff; }
.nc-tab:focus-visible { outline: 3px solid var(--nc-accent, #0b57d0); outline-offset: 2px; }
.nc-legend { display: flex; flex-wrap: wrap; gap: .2em 1em; margin: 0 0 .4em; padding: 0; list-style: none; font-size: .85em; }
.nc-swatch { display: inline-block; width: .8em; height: .8em; margin-right: .35em; border-radius: 2px; vertical-align: -.05em; }
.nc-swatch-line { width: 1.6em; height: 3px; border-radius: 0; vertical-align: .25em; background-image: var(--nc-dash, none); }
.nc-table { overflow: auto; }
.nc-table table { border-collapse: collapse; width: 100%; font-size: .9em; }
.nc-table thead th { position: sticky; top: 0; background: var(--nc-background, #fff); }
.nc-gap td { padding: 0 !important; border: 0 !important; }
.nc-table caption { text-align: left; font-weight: 700; padding: 0 0 .3em; }
.nc-table th, .nc-table td { padding: .3em .6em; border-bottom: 1px solid var(--nc-grid-ui, #c8c8c8); text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.nc-table th[scope="row"], .nc-table thead th:first-child { text-align: left; }
.nc-stale { margin: .3em 0 0; font-size: .8em; color: var(--nc-error-text, #8c1d18); }
.nc-tools { position: relative; display: flex; gap: .4em; margin: .4em 0 0; }
.nc-tool, .nc-menu-item { font: inherit; font-size: .8em; padding: .2em .7em; border: 1px solid var(--nc-control-border, #767676); border-radius: 4px; background: var(--nc-control-bg, transparent); color: inherit; cursor: pointer; }
.nc-tool[aria-pressed="true"] { background: var(--nc-accent, #0b57d0); border-color: var(--nc-accent, #0b57d0); color: #fff; }
.nc-tool:focus-visible, .nc-menu-item:focus-visible, .nc-key:focus-visible, .nc-table:focus-visible { outline: 3px solid var(--nc-accent, #0b57d0); outline-offset: 2px; }
.nc-menu { position: absolute; z-index: 3; bottom: 100%; left: 4.5em; display: flex; flex-direction: column; gap: .2em; margin-bottom: .2em; padding: .3em; border: 1px solid var(--nc-control-border, #767676); border-radius: 4px; background: var(--nc-menu-bg, #fff); box-shadow: 0 2px 8px rgba(0,0,0,.2); }
.nc-menu[hidden], .nc-tool[hidden], .nc-menu-item[hidden], .nc-crosshair[hidden] { display: none; }
.nc-menu-item { text-align: left; white-space: nowrap; }
.nc-key { font: inherit; font-size: 1em; padding: .1em .2em; border: 0; background: transparent; color: inherit; cursor: pointer; }
.nc-key.nc-off { text-decoration: line-through; opacity: .75; }
.nc-key.nc-off .nc-swatch { background-image: none; background-color: transparent !important; box-shadow: inset 0 0 0 1.5px currentColor; }
.nc-pattern-1 { background-image: repeating-linear-gradient(135deg, rgba(255,255,255,.55) 0 1.5px, transparent 1.5px 5px); }
.nc-pattern-2 { background-image: repeating-linear-gradient(0deg, rgba(255,255,255,.55) 0 1.5px, transparent 1.5px 5px); }
.nc-crosshair { position: absolute; width: 0; border-left: 1px dashed var(--nc-muted, #595959); pointer-events: none; }
.nc-static { position: absolute; top: 0; left: 0; right: 0; }
.nc.nc-behind { visibility: hidden; }
.nc-live { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
@media (prefers-color-scheme: dark) {
${dark(':host(:not([theme="light"]))')}
}
${dark(':host([theme="dark"])')}
:host([theme="dark"]) .nc { background: var(--nc-background, #121212); }
@media print { .nc-tooltip, .nc-status, .nc-tools, .nc-crosshair { display: none; } }
`;

// Constructable stylesheets work under a strict CSP (style-src 'self'), where
// a <style> element would be blocked. Engines without them (Safari < 16.4,
// Firefox < 101) get a <style> element instead.
let sheet = null;
/** Gives the shadow root `root` the element's stylesheet. */
export function styleShadow(root) {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = CSS;
    root.appendChild(style);
  }
}
