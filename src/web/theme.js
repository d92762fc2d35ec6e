// newschart: the chart's colours and font, from the page's CSS custom properties (--nc-*) on the
// element, over the light or dark defaults (the reader's colour scheme, or the theme attribute).

// Chart colours per theme; CSS custom properties on the host override them.
const THEMES = {
  light: { text: '#1a1a1a', muted: '#595959', grid: '#e2e2e2', axis: '#333333', background: '#ffffff' },
  dark: { text: '#ececec', muted: '#b8b8b8', grid: '#3a3a3a', axis: '#d0d0d0', background: '#121212',
    palette: '#56b4e9,#e69f00,#009e73,#cc79a7,#0072b2,#d55e00' },
};

/**
 * The theme for Chart.set_theme, for the element `host`: text, muted, grid, axis, background,
 * palette, font.
 * @param {HTMLElement} host
 * @returns {string[]}
 */
export function themeColors(host) {
  const cs = getComputedStyle(host);
  const dark = host.getAttribute('theme') === 'dark' || (host.getAttribute('theme') !== 'light' && window.matchMedia?.('(prefers-color-scheme: dark)').matches);
  /** @type {{ [k: string]: string }} */
  const base = dark ? THEMES.dark : THEMES.light;
  const v = (name, dflt) => cs.getPropertyValue(name).trim() || dflt || '';
  return [v('--nc-text', base.text), v('--nc-muted', base.muted), v('--nc-grid', base.grid), v('--nc-axis', base.axis), v('--nc-background', base.background), v('--nc-palette', base.palette), v('--nc-font', '')];
}
