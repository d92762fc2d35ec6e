// newschart: the element's modules imported on demand, each checked against its Subresource
// Integrity when scripts/dist.sh has written one (dist/; none in pkg/).

/**
 * import() of one of our modules; with `integrity` (dist/ writes it), checked as the loader checks
 * the view: a modulepreload with the hash fetches and checks it, and the import uses what it got.
 */
export function importChecked(url, integrity) {
  if (integrity) {
    const link = document.createElement('link');
    Object.assign(link, { rel: 'modulepreload', href: url, integrity, crossOrigin: 'anonymous' });
    document.head.append(link);
  }
  return import(url);
}

/** download.js (the PNG and CSV downloads): imported when a reader first asks for one. */
const DOWNLOAD_INTEGRITY = '';
/** problems.js (the error box's problems, the console's and newschart:error's): imported the first time a chart has problems to show. */
const PROBLEMS_INTEGRITY = '';
const modules = {}; // file -> Promise<module>
/** `load()`, the literal import() of `file` (which bundlers follow), once; with `integrity`, checked as importChecked does. */
function loadModule(file, integrity, load) {
  if (!modules[file]) {
    // (`${import.meta.url}`: a base bundlers leave alone, where only dist/ comes)
    modules[file] = integrity ? importChecked(new URL(file, `${import.meta.url}`).href, integrity) : load();
    modules[file].catch(() => { delete modules[file]; }); // the next need tries again
  }
  return modules[file];
}

/** @returns {Promise<typeof import('./download.js')>} */
export const downloads = () => loadModule('./download.js', DOWNLOAD_INTEGRITY, () => import('./download.js'));
/** @returns {Promise<typeof import('./problems.js')>} */
export const problemsModule = () => loadModule('./problems.js', PROBLEMS_INTEGRITY, () => import('./problems.js'));
