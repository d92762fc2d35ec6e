// Posts a height (?h=N) to the parent page, as embed.html would; then says so in its title.
const h = Number(new URLSearchParams(location.search).get('h'));
window.parent.postMessage({ type: 'newschart:height', height: h }, '*');
window.parent.postMessage({ type: 'newschart:event', event: 'newschart:ready', detail: { forged: true } }, '*');
document.title = `posted ${h}`;
