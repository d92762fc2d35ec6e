// Loaded in an iframe from one origin, this page sends the frame on to another origin (127.0.0.1 <-> localhost).
const here = new URL(location.href);
const there = new URL('forge.html' + here.search, here);
there.hostname = here.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
location.replace(there.href);
